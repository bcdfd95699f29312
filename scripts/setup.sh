#!/usr/bin/env bash
# Installs the C libraries retro builds against (Debian/Ubuntu), only when missing.
set -euo pipefail
need=()
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
if ! pkg-config --exists libcmark 2>/dev/null; then need+=(libcmark-dev); fi
if ! pkg-config --exists sqlite3 2>/dev/null; then need+=(libsqlite3-dev); fi
# The tests also build published posts with the real generators (skipped when absent).
if [ "${1:-}" = "--test" ]; then
  command -v hugo >/dev/null 2>&1 || need+=(hugo)
  command -v jekyll >/dev/null 2>&1 || need+=(jekyll)
  command -v git >/dev/null 2>&1 || need+=(git)  # --git-history, --changed-since and adoption tests make repositories
  [ -x /usr/bin/time ] || need+=(time)  # hostile-input tests bound peak memory with time -v
  command -v nvim >/dev/null 2>&1 || need+=(neovim)  # retro lsp end to end with a real editor's LSP client
  /usr/bin/python3 -c "import icalendar" >/dev/null 2>&1 || need+=(python3-icalendar)  # validates retro actions --format ics (Debian's python3)
fi
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  echo "installing ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${need[@]}" >/dev/null
fi
command -v swift >/dev/null 2>&1 || { echo "swift is not on PATH: install Swift 6 first" >&2; exit 2; }
