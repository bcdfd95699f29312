-- Headless Neovim, its built-in LSP client and `retro lsp`: open a draft, wait for the
-- diagnostics, apply a quick fix the way the editor applies any workspace edit, and check
-- the buffer and the diagnostics that follow. Works with Neovim 0.7 and later.
-- Run by scripts/editors/neovim-e2e.sh; exits 0 when every check holds.
local retro = os.getenv('RETRO_BIN')
local draft = os.getenv('RETRO_DRAFT')
local failures = {}
local function check(ok, what)
  if not ok then table.insert(failures, what) end
  io.stdout:write((ok and 'ok   ' or 'FAIL ') .. what .. '\n')
end

vim.cmd('edit ' .. vim.fn.fnameescape(draft))
local buffer = vim.api.nvim_get_current_buf()
local client_id = vim.lsp.start_client({
  name = 'retro',
  cmd = { retro, 'lsp' },
  root_dir = vim.fn.fnamemodify(draft, ':h'),
})
check(client_id ~= nil, 'the client starts retro lsp')
vim.lsp.buf_attach_client(buffer, client_id)

local function messages()
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(buffer)) do table.insert(list, d.message) end
  return list
end
local function has(pattern)
  for _, m in ipairs(messages()) do if m:find(pattern, 1, true) then return true end end
  return false
end

check(vim.wait(20000, function() return has('what caused the incident') end, 50), 'diagnostics arrive: nothing says what caused the incident')
check(has("Placeholder 'TODO'"), 'diagnostics include the placeholders')

local client = vim.lsp.get_client_by_id(client_id)
local line = 0
for number, text in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
  if text == '## Summary' then line = number - 1 end
end
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  range = { start = { line = 0, character = 0 }, ['end'] = { line = 0, character = 0 } },
  context = { diagnostics = {} },
}
local response = client.request_sync('textDocument/codeAction', params, 10000, buffer)
local chosen
for _, action in ipairs((response and response.result) or {}) do
  if action.title == 'Add a Root causes section' then chosen = action end
end
check(chosen ~= nil, 'a quick fix "Add a Root causes section" is offered')
if chosen then
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding or 'utf-16')
  local text = table.concat(vim.api.nvim_buf_get_lines(buffer, 0, -1, false), '\n')
  check(text:find('## Root causes\n\nTODO: why it happened', 1, true) ~= nil, 'the buffer has the new section')
  check(vim.wait(20000, function() return not has('what caused the incident') end, 50), 'the finding is gone after the edit')
end

local hover = client.request_sync('textDocument/hover', {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  position = { line = line, character = 0 },
}, 10000, buffer)
check(hover ~= nil and hover.err == nil, 'hover answers without an error')

vim.lsp.stop_client(client_id)
if #failures > 0 then
  vim.cmd('cquit 1')
else
  vim.cmd('qall!')
end
