#!/usr/bin/env bash
# The browser test of `forlop site`: installs Debian's Chromium and Playwright (from PyPI) when
# missing, builds the site from the example register, and drives it (tests/browser/site_test.py).
# Screenshots go to target/browser-shots/. Not part of `cargo test`, which needs no browser.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
fi
if ! python3 -c "import playwright" >/dev/null 2>&1; then
    python3 -m pip install -q playwright
fi

cargo build -q
out=target/browser-site
rm -rf "$out"
mkdir -p "$out"
./target/debug/forlop site "$out/site" --register examples/onkologi --today 2026-11-23
python3 tests/browser/site_test.py "$out/site" target/browser-shots
