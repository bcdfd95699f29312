#!/usr/bin/env bash
# End to end with a real editor: headless Neovim's built-in LSP client runs `retro lsp` on a
# copy of the draft example, waits for diagnostics, applies a quick fix and checks the buffer.
# Usage: scripts/editors/neovim-e2e.sh [path/to/retro]   (default .build/debug/retro)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
retro="$(cd "$(dirname "${1:-$root/.build/debug/retro}")" && pwd)/$(basename "${1:-retro}")"
command -v nvim >/dev/null 2>&1 || { echo "nvim is not installed (scripts/setup.sh --test installs it)" >&2; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$root/examples/draft-login-outage.md" "$work/draft.md"
export RETRO_BIN="$retro" RETRO_DRAFT="$work/draft.md" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
timeout 120 nvim --headless --clean -n -u NONE -i NONE -c "luafile $root/scripts/editors/neovim-e2e.lua" 2>&1
