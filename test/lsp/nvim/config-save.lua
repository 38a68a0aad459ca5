-- Headless Neovim 0.7 (no workspace/didChangeWatchedFiles) edits and saves marathon-lint.config.json in the same
-- session as an open definition: the definition's diagnostics must follow the saved config.
-- usage: LSP_SERVER=dist/server.cjs WORK=dir nvim --headless --clean -c 'luafile config-save.lua'
-- Prints one JSON line per step: {"step": …, "codes": [rule ids shown on app.json]}.
local server, work = vim.env.LSP_SERVER, vim.env.WORK
local function out(t) io.stdout:write(vim.fn.json_encode(t) .. '\n') end
local function fail(msg) out({ step = 'FAIL', error = msg }); vim.cmd('cquit 1') end

local client_id = vim.lsp.start_client({ name = 'marathon', cmd = { 'node', server, '--stdio' }, root_dir = work })
if not client_id then fail('start_client returned nil') end

vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/app.json'))
local app = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(app, client_id)
local function codes()
  local c = {}
  for _, d in ipairs(vim.diagnostic.get(app)) do table.insert(c, d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL) end
  return c
end
if not vim.wait(15000, function() return #vim.diagnostic.get(app) > 0 end, 50) then fail('timeout waiting for diagnostics') end
out({ step = 'opened', codes = codes() })

-- The user opens the config, turns the rule off, and saves.
vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/marathon-lint.config.json'))
local config = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(config, client_id)
vim.api.nvim_buf_set_lines(config, 0, -1, false, { '{ "rules": { "unknown-property": "off" } }' })
vim.cmd('write')
vim.wait(5000, function() return #vim.diagnostic.get(app) == 0 end, 50)
out({ step = 'config-saved', codes = codes() })

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
