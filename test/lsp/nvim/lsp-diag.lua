-- Headless Neovim 0.7 as an independent LSP client: starts the server, opens LSP_FILE, prints each
-- diagnostic as a JSON line, then hover and code lens round trips. Exit code 1 on any failure.
-- usage: LSP_SERVER=dist/server.cjs LSP_FILE=app.json nvim --headless --clean -c 'luafile lsp-diag.lua'
local server, file = vim.env.LSP_SERVER, vim.env.LSP_FILE
local function out(s) io.stdout:write(s .. '\n') end
local function fail(msg) out('FAIL ' .. msg); vim.cmd('cquit 1') end

local client_id = vim.lsp.start_client({
  name = 'marathon',
  cmd = { 'node', server, '--stdio' },
  root_dir = vim.fn.fnamemodify(file, ':p:h'),
})
if not client_id then fail('start_client returned nil') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
local bufnr = vim.api.nvim_get_current_buf()
vim.lsp.buf_attach_client(bufnr, client_id)

local ok = vim.wait(15000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
if not ok then fail('timeout waiting for diagnostics') end
for _, d in ipairs(vim.diagnostic.get(bufnr)) do
  local code = d.user_data and d.user_data.lsp and d.user_data.lsp.code or vim.NIL
  out(vim.fn.json_encode({ lnum = d.lnum, col = d.col, severity = d.severity, source = d.source, code = code, message = d.message }))
end

local params = { textDocument = vim.lsp.util.make_text_document_params(bufnr), position = { line = 1, character = 4 } }
local res = vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 5000)
if not res or not res[client_id] or res[client_id].err then fail('hover failed') end
out('hover-ok')

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
