#!/usr/bin/env bash
# Sets up a fresh machine and starts the Badgesmith desktop app with its default
# home folder. Extra arguments are files to open in the Inspector.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh app
echo "==> Building the user interface"
(cd ui && npm run build --silent)
echo "==> Building and starting Badgesmith"
args=()
for f in "$@"; do args+=("$(realpath "$f")"); done
exec cargo run --quiet -p badgesmith-desktop -- "${args[@]}"
