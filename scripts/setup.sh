#!/usr/bin/env bash
# Installs what Badgesmith needs on Debian 12 / Ubuntu 22.04+ and skips what is
# already there. Usage: scripts/setup.sh app   (to build and run the app)
#                       scripts/setup.sh test  (also the test tools)
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-app}"

sudo_if_needed() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

packages=(libwebkit2gtk-4.1-dev build-essential pkg-config)
if [ "$what" = test ]; then
    packages+=(xvfb xauth xclip xdotool webkit2gtk-driver python3-venv)
fi
missing=()
for p in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
    echo "==> Installing system packages: ${missing[*]}"
    sudo_if_needed apt-get update -qq
    sudo_if_needed env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

echo "==> Installing the user interface's packages"
(cd ui && npm ci --no-audit --no-fund --loglevel=error)

if [ "$what" = test ]; then
    if ! cargo fuzz --version >/dev/null 2>&1; then
        echo "==> Installing cargo-fuzz"
        cargo install cargo-fuzz --locked --quiet
    fi
    echo "==> Installing the interoperability and end-to-end test tools"
    (cd tests/interop && npm ci --no-audit --no-fund --loglevel=error)
    if [ ! -x target/pyenv/bin/python ]; then
        mkdir -p target
        python3 -m venv target/pyenv
    fi
    target/pyenv/bin/pip install --quiet --disable-pip-version-check -r tests/requirements.txt
fi
