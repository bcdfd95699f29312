#!/usr/bin/env bash
# Opens the generated site in headless Chromium (Debian package `chromium`):
#  1. builds the site of examples/ and takes screenshots of the index, an incident page and
#     the dashboard at phone and desktop widths into docs/screenshots/;
#  2. builds a site from a report full of hostile input and checks, in the DOM Chromium ends
#     up with, that none of its scripts ran.
#   scripts/check-browser.sh [RETRO_BINARY]
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
retro=${1:-"$here/.build/debug/retro"}
command -v chromium >/dev/null || { echo "install chromium (apt-get install chromium)"; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export XDG_CACHE_HOME="$work/cache"

"$retro" site "$here/examples" --out "$work/site" --as-of 2023-04-05 --title "Example incidents" >/dev/null
shot() { timeout 60 chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --window-size="$2" --screenshot="$here/docs/screenshots/$3" "file://$work/site/$1" >/dev/null 2>&1; }
mkdir -p "$here/docs/screenshots"
incident=incidents/2021-06-08-checkout-latency-spike.html
shot index.html 1280,900 index-desktop.png; shot index.html 390,844 index-phone.png
shot "$incident" 1280,1400 incident-desktop.png; shot "$incident" 390,1400 incident-phone.png
shot actions.html 1280,1000 dashboard-desktop.png; shot actions.html 390,1000 dashboard-phone.png
echo "screenshots written to docs/screenshots/"

cat > "$work/hostile.md" <<'MD'
---
title: "Hostile <script>document.title='PWNED'</script>"
date: 2024-01-01
status: final
---

## Summary

<script>document.title='PWNED'; document.body.setAttribute('data-pwned','1')</script>

<img src=x onerror="document.body.setAttribute('data-pwned','2')">

[click](javascript:document.body.setAttribute('data-pwned','3')) and [data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)

<svg><script>document.body.setAttribute('data-pwned','4')</script></svg>

## Impact

<iframe src="javascript:parent.document.body.setAttribute('data-pwned','5')"></iframe> 5 minutes.
MD
"$retro" site "$work/hostile.md" --out "$work/hostile" >/dev/null
status=0
for page in "$work"/hostile/index.html "$work"/hostile/incidents/*.html "$work"/hostile/actions.html; do
  dom=$(timeout 60 chromium --headless=new --no-sandbox --disable-gpu --virtual-time-budget=2000 --dump-dom "file://$page" 2>/dev/null)
  if grep -q '<body[^>]*data-pwned' <<<"$dom" || grep -q '<title>PWNED' <<<"$dom" || grep -q '<script' <<<"$dom"; then
    echo "FAIL $(basename "$page"): a script ran or is present"; status=1
  else
    echo "ok   $(basename "$page"): no script ran"
  fi
done
exit $status
