-- Headless Neovim 0.7 edits marathon-lint.config.json without saving: the config's own findings must follow the
-- text in the buffer (a misspelt rule id, then fixed), though the file on disk never changes.
-- usage: LSP_SERVER=dist/server.cjs WORK=dir nvim --headless --clean -c 'luafile config-edit.lua'
-- Prints one JSON line per step: {"step": …, "shown": ["line:col code message", …] on the config}.
local server, work = vim.env.LSP_SERVER, vim.env.WORK
local function out(t) io.stdout:write(vim.fn.json_encode(t) .. '\n') end
local function fail(msg) out({ step = 'FAIL', error = msg }); vim.cmd('cquit 1') end

local client_id = vim.lsp.start_client({ name = 'marathon', cmd = { 'node', server, '--stdio' }, root_dir = work })
if not client_id then fail('start_client returned nil') end

vim.cmd('edit ' .. vim.fn.fnameescape(work .. '/marathon-lint.config.json'))
local config = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(config, client_id)
local function shown()
  local s = {}
  for _, d in ipairs(vim.diagnostic.get(config)) do
    local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or ''
    table.insert(s, d.lnum .. ':' .. d.col .. ' ' .. code .. ' ' .. d.message)
  end
  return s
end

-- The user misspells a rule id (unsaved).
vim.api.nvim_buf_set_lines(config, 0, -1, false, { '{', '  "rules": { "unknown-propety": "off" }', '}' })
if not vim.wait(15000, function() return #vim.diagnostic.get(config) > 0 end, 50) then fail('timeout waiting for the config finding') end
out({ step = 'misspelt', shown = shown() })

-- Fixed (still unsaved): the finding goes.
vim.api.nvim_buf_set_lines(config, 1, 2, false, { '  "rules": { "unknown-property": "off" }' })
vim.wait(5000, function() return #vim.diagnostic.get(config) == 0 end, 50)
out({ step = 'fixed', shown = shown() })

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
