-- Headless Neovim 0.7 (Debian 12) as the user's editor for the "first hour" scenarios of issue 11: typing in an
-- empty file, accepting completions, applying quick fixes, hovering, running the Test mount lens. Prints one
-- JSON line per observation; the node test asserts on them. Exit code 1 on any failure.
-- usage: SETUP=readme-block.lua SCENARIO=start|fixes|hover|expand|omni|lens WORK=dir [FILE=…] nvim --headless --clean -n -c 'luafile first-hour.lua'
local scenario, work = vim.env.SCENARIO, vim.env.WORK
local function out(tbl) io.stdout:write(vim.fn.json_encode(tbl) .. '\n') end
local function fail(msg) io.stdout:write('FAIL ' .. msg .. '\n'); vim.cmd('cquit 1') end

local messages, statuses = {}, 0
vim.lsp.handlers['window/showMessage'] = function(_, result) table.insert(messages, result) end
vim.lsp.handlers['marathon/status'] = function() statuses = statuses + 1 end

-- The README's Neovim block (SETUP: a file holding it, with the server path, agent URL and token file filled in)
-- starts the client on FileType json and attaches it; the scenarios below find that client per buffer.
dofile(vim.env.SETUP)
local client_id
local function initialized(b)
  local clients = vim.lsp.buf_get_clients(b)
  for id, c in pairs(clients) do if c.name == 'marathon' and c.initialized then client_id = id; return true end end
  return false
end
local function open(path, lines)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local b = vim.api.nvim_get_current_buf()
  if vim.bo[b].filetype ~= 'json' then fail('not detected as JSON: ' .. path) end
  if lines then vim.api.nvim_buf_set_lines(b, 0, -1, false, lines) end
  if not vim.wait(15000, function() return initialized(b) end, 20) then fail('the server did not start for ' .. path) end
  return b
end
local function request(b, method, params)
  local r = vim.lsp.buf_request_sync(b, method, params, 10000)
  local res = r and r[client_id]
  if not res or res.err then fail(method .. ' failed: ' .. vim.inspect(res and res.err)) end
  return res.result
end
local function tdp(b) return vim.lsp.util.make_text_document_params(b) end
local function labels(result)
  local items = result and (result.items or result) or {}
  local l = {}
  for _, it in ipairs(items) do table.insert(l, it.label) end
  return l, items
end
-- Waits for the next validation after `since` (the count of marathon/status notifications before the action).
local function wait_status(since) if not vim.wait(10000, function() return statuses > since end, 20) then fail('no validation') end end
local function diags(b)
  local d = {}
  for _, x in ipairs(vim.diagnostic.get(b)) do table.insert(d, { line = x.lnum, code = x.user_data and x.user_data.lsp and x.user_data.lsp.code or '', message = x.message }) end
  return d
end
local function text(b) return table.concat(vim.api.nvim_buf_get_lines(b, 0, -1, false), '\n') end
-- Applies the quick fix titled `title` for the diagnostics on line `line` (0-based), as `:lua vim.lsp.buf.code_action()` would.
local function apply_fix(b, line, title)
  local lsp_diags = vim.lsp.diagnostic.get_line_diagnostics(b, line)
  local actions = request(b, 'textDocument/codeAction', { textDocument = tdp(b), range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 200 } }, context = { diagnostics = lsp_diags } })
  local titles = {}
  for _, a in ipairs(actions or {}) do
    table.insert(titles, a.title)
    if a.title == title then vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16'); return titles end
  end
  fail('no quick fix "' .. title .. '" on line ' .. line .. ': ' .. vim.inspect(titles))
end

if scenario == 'start' then
  -- 1) a new file: `{}` and completion inside the braces
  local b = open(work .. '/new-app.json', { '{}' })
  local l, items = labels(request(b, 'textDocument/completion', { textDocument = tdp(b), position = { line = 0, character = 1 } }))
  out({ step = 'empty-object', labels = l })
  local chosen
  for _, it in ipairs(items) do if it.label == 'Marathon app with an external volume' then chosen = it end end
  if not chosen then fail('no app skeleton') end
  local body = chosen.textEdit and chosen.textEdit.newText or chosen.insertText
  -- Neovim 0.7 has no snippet engine: placeholders become their default text, as with a plain LSP setup.
  local plain = vim.lsp.util.parse_snippet(body):gsub('\t', '  ')
  local inserted = vim.split('{' .. plain .. '}', '\n') -- the item's text goes between the braces
  local since = statuses
  vim.api.nvim_buf_set_lines(b, 0, -1, false, inserted)
  wait_status(since)
  vim.wait(300)
  out({ step = 'skeleton-accepted', diagnostics = diags(b), first = inserted[2] })
  -- 1b) a `"` typed in `{}` (VS Code filters by it): the skeletons are still offered, and an item's edit, applied as
  -- a completion plugin applies it (the snippet's placeholders as their text), replaces the quote
  local bq = open(work .. '/quote-app.json', { '{"}' })
  local lq, qitems = labels(request(bq, 'textDocument/completion', { textDocument = tdp(bq), position = { line = 0, character = 2 } }))
  local sk
  for _, it in ipairs(qitems) do if it.label == 'Marathon app' then sk = it end end
  if not sk or not sk.textEdit then fail('no app skeleton with an edit after a quote: ' .. vim.inspect(lq)) end
  local since_q = statuses
  vim.lsp.util.apply_text_edits({ { range = sk.textEdit.range, newText = vim.lsp.util.parse_snippet(sk.textEdit.newText) } }, bq, 'utf-16')
  wait_status(since_q)
  vim.wait(300)
  out({ step = 'quote-in-empty-object', labels = lq, filterText = sk.filterText, text = text(bq), diagnostics = diags(bq) })
  -- 2) `$schema` values
  local b2 = open(work .. '/schema.json', { '{"$schema": ""}' })
  out({ step = 'schema-values', labels = (labels(request(b2, 'textDocument/completion', { textDocument = tdp(b2), position = { line = 0, character = 13 } }))) })
  -- 3) typing an app from scratch: after `"id": "/db/postgres",` the keys of an app
  local b3 = open(work .. '/typed.json', { '{', '  "id": "/db/postgres",', '  ', '}' })
  out({ step = 'id-typed', labels = (labels(request(b3, 'textDocument/completion', { textDocument = tdp(b3), position = { line = 2, character = 2 } }))) })
elseif scenario == 'fixes' then
  local b = open(vim.env.FILE)
  wait_status(0)
  vim.wait(300)
  out({ step = 'opened', diagnostics = diags(b) })
  local since = statuses
  local before = text(b)
  local line = vim.env.FIX_LINE and tonumber(vim.env.FIX_LINE) or 2
  local titles = apply_fix(b, line, vim.env.FIX_TITLE)
  wait_status(since)
  vim.wait(300)
  out({ step = 'fixed', titles = titles, before = before, after = text(b), diagnostics = diags(b) })
elseif scenario == 'hover' then
  local b = open(vim.env.FILE)
  local line, col = tonumber(vim.env.LINE), tonumber(vim.env.COL)
  local h = request(b, 'textDocument/hover', { textDocument = tdp(b), position = { line = line, character = col } })
  out({ step = 'hover', value = h and h.contents and h.contents.value or '' })
elseif scenario == 'expand' then
  -- Every completion item at each POSITIONS [line, character] (0-based), with the text Neovim 0.7 inserts for it
  -- (vim.lsp.omnifunc and a plain setup expand a snippet with vim.lsp.util.parse_snippet: no snippet engine).
  local b = open(vim.env.FILE)
  for _, pos in ipairs(vim.fn.json_decode(vim.env.POSITIONS)) do
    local _, items = labels(request(b, 'textDocument/completion', { textDocument = tdp(b), position = { line = pos[1], character = pos[2] } }))
    local got = {}
    for _, it in ipairs(items) do
      local t = it.textEdit and it.textEdit.newText or it.insertText or it.label
      table.insert(got, { label = it.label, text = t, inserted = it.insertTextFormat == 2 and vim.lsp.util.parse_snippet(t) or t })
    end
    out({ step = 'items', at = pos, items = got })
  end
elseif scenario == 'omni' then
  -- Typing, then <C-x><C-o> as the README says (omnifunc=v:lua.vim.lsp.omnifunc), through Neovim's own input loop:
  -- TYPINGS is a list of { line (0-based), typed, pick }: on that line, append `typed`, ask for completion, accept
  -- the item labelled `pick`; the line as it then reads is printed, and the line is put back for the next one.
  local b = open(vim.env.FILE)
  vim.bo[b].omnifunc = 'v:lua.vim.lsp.omnifunc'
  vim.o.completeopt = 'menuone,noinsert'
  local co
  local function sleep(ms) vim.defer_fn(function() local ok, e = coroutine.resume(co); if not ok then fail(e) end end, ms); coroutine.yield() end
  co = coroutine.create(function()
    for _, t in ipairs(vim.fn.json_decode(vim.env.TYPINGS)) do
      local original = vim.api.nvim_buf_get_lines(b, t.line, t.line + 1, false)[1]
      vim.api.nvim_win_set_cursor(0, { t.line + 1, 0 })
      vim.api.nvim_input('A' .. t.typed:gsub('<', '<lt>') .. '<C-x><C-o>')
      local labels_seen = {}
      for _ = 1, 100 do
        sleep(50)
        if vim.fn.pumvisible() == 1 then break end
      end
      local idx
      for i, it in ipairs(vim.fn.complete_info({ 'items' }).items) do
        table.insert(labels_seen, it.abbr)
        if it.abbr == t.pick then idx = i - 1 end
      end
      if idx then vim.api.nvim_select_popupmenu_item(idx, true, true, {}) end
      sleep(50)
      vim.api.nvim_input('<Esc>')
      sleep(50)
      out({ step = 'omni', typed = t.typed, pick = t.pick, offered = #labels_seen, picked = idx ~= nil, line = vim.api.nvim_buf_get_lines(b, t.line, t.line + 1, false)[1] })
      vim.api.nvim_buf_set_lines(b, t.line, t.line + 1, false, { original })
    end
    vim.lsp.stop_client(client_id)
    vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
    vim.cmd('qa!')
  end)
  local ok, e = coroutine.resume(co)
  if not ok then fail(e) end
  return
elseif scenario == 'lens' then
  local b = open(vim.env.FILE)
  wait_status(0)
  vim.lsp.codelens.refresh()
  if not vim.wait(10000, function() return #(vim.lsp.codelens.get(b) or {}) > 0 end, 50) then fail('no code lens') end
  local lens = vim.lsp.codelens.get(b)[1]
  out({ step = 'lens', title = lens.command.title, line = lens.range.start.line })
  -- What `:lua vim.lsp.codelens.run()` does on the lens line: no client-side handler → workspace/executeCommand.
  vim.api.nvim_win_set_cursor(0, { lens.range.start.line + 1, 0 })
  local n = #messages
  vim.lsp.codelens.run()
  if not vim.wait(60000, function() return #messages >= n + 2 end, 50) then fail('no result message: ' .. vim.inspect(messages)) end
  out({ step = 'ran', messages = messages })
end

vim.lsp.stop_client(client_id)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
vim.cmd('qa!')
