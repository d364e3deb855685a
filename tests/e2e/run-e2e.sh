#!/usr/bin/env bash
# End-to-end journeys in real Chromium (Debian package) against the built app.
# Usage: bash tests/e2e/run-e2e.sh [vitest args…]   e.g. -t 民雄
# CHROMIUM_PATH overrides the browser (default /usr/bin/chromium).
set -euo pipefail
cd "$(dirname "$0")/../.."

chromium="${CHROMIUM_PATH:-/usr/bin/chromium}"

# Only the Debian package's own path is worth installing for; a custom CHROMIUM_PATH is the caller's to provide.
if [ ! -x "$chromium" ] && [ "$chromium" = /usr/bin/chromium ] && [ "$(id -u)" = "0" ] \
  && command -v apt-get >/dev/null 2>&1; then
  echo "e2e: $chromium not found; installing Debian's chromium (and CJK fonts for readable screenshots)…"
  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium fonts-noto-cjk fonts-tlwg-loma-ttf
fi

if [ ! -x "$chromium" ]; then
  cat >&2 <<MSG
e2e: no Chromium at $chromium.
  The end-to-end tests drive a real Chromium through playwright-core (no browser download).
  On Debian/Ubuntu, as root:   apt-get update && apt-get install -y chromium fonts-noto-cjk
  Or point CHROMIUM_PATH at an installed Chromium/Chrome:   CHROMIUM_PATH=/path/to/chrome npm run test:e2e
MSG
  exit 1
fi

if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=zh-tw family 2>/dev/null)" ]; then
  echo "e2e: warning: no Traditional Chinese font; screenshots will show boxes (apt-get install fonts-noto-cjk)." >&2
fi
if command -v fc-list >/dev/null 2>&1 && [ -z "$(fc-list :lang=th family 2>/dev/null)" ]; then
  echo "e2e: warning: no Thai font; Thai screenshots will show boxes (apt-get install fonts-tlwg-loma-ttf)." >&2
fi

if [ ! -f dist/index.html ]; then
  echo "e2e: dist/index.html missing; building…"
  npx vite build
fi

exec npx vitest run --config tests/e2e/vitest.e2e.config.ts "$@"
