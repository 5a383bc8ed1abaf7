#!/usr/bin/env bash
# Sets up a fresh machine and runs every check and test: formatting, lints, the
# user interface's type check, Rust tests, UI unit tests, fuzz target builds,
# interoperability tests against reference libraries, and the desktop
# end-to-end test in a real window.
set -euo pipefail
cd "$(dirname "$0")/.."
started=$(date +%s)
step() { echo; echo "==> $* ($(( $(date +%s) - started )) s)"; }

bash scripts/setup.sh test

step "Building the user interface"
(cd ui && npm run build --silent)

step "cargo fmt --check"
cargo fmt --all --check

step "cargo clippy"
cargo clippy --workspace --all-targets --quiet -- -D warnings

step "UI type check"
(cd ui && npm run check)

step "Rust tests"
cargo test --workspace

step "UI unit tests"
(cd ui && npm test)

step "Fuzz targets build"
(cd fuzz && cargo fuzz build --sanitizer none --dev)

step "Interoperability and desktop end-to-end tests"
cargo build --quiet -p badgesmith -p badgesmith-desktop
cargo build --quiet -p badgesmith-desktop --example drag-source   # a file manager's drag, for the e2e tests
xvfb-run --auto-servernum --server-args="-screen 0 1280x1024x24" \
    target/pyenv/bin/python -m pytest tests/interop tests/e2e -v

step "All checks passed"
