#!/usr/bin/env bash
# End to end with a real editor: headless Neovim's built-in LSP client runs `retro lsp` on a
# draft, waits for diagnostics, applies a quick fix and checks the buffer.
# Usage: scripts/editors/neovim-e2e.sh [path/to/retro]   (default .build/debug/retro)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
retro="$(cd "$(dirname "${1:-$root/.build/debug/retro}")" && pwd)/$(basename "${1:-retro}")"
command -v nvim >/dev/null 2>&1 || { echo "nvim is not installed (scripts/setup.sh --test installs it)" >&2; exit 77; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# A draft that says nothing of what caused the outage: the Root causes fix is offered.
printf '# Login outage\n\n## Summary\n\nLogins were slow for an hour.\n\n## Impact\n\nTODO: how many users.\n\n## Timeline (UTC)\n\n- 08:14 first reports\n- 09:02 logins fast again\n\n## Action items\n\n- [ ] Alert when login p99 is over 2 s @ana OPS-9\n' > "$work/draft.md"
export RETRO_BIN="$retro" RETRO_DRAFT="$work/draft.md" XDG_CACHE_HOME="$work/cache" XDG_STATE_HOME="$work/state"
timeout 120 nvim --headless --clean -n -u NONE -i NONE -c "luafile $root/scripts/editors/neovim-e2e.lua" 2>&1
