-- Neovim's built-in LSP client against `strata lsp` (run by nvim_check.sh; docs/editors.md).
-- Uses only the API Neovim 0.7 has (vim.lsp.start_client, buf_attach_client, buf_request_sync), so
-- Debian bookworm's neovim runs it. Reads STRATA_BIN (the binary) and STRATA_RULES (a copy of
-- examples/rfm.strata in a temporary folder) from the environment. Prints a transcript of what was sent
-- and received, one check per line, and exits 0 when every check passed, 1 otherwise.

local bin = os.getenv("STRATA_BIN")
local rules = os.getenv("STRATA_RULES")
local timeout = tonumber(os.getenv("STRATA_TIMEOUT_MS") or "20000")
local failures = 0

local function say(line)
  io.stdout:write(line .. "\n")
  io.stdout:flush()
end

local function check(ok, what, detail)
  if ok then
    say("  ok    " .. what)
  else
    failures = failures + 1
    say("  FAIL  " .. what .. (detail and (": " .. detail) or ""))
  end
  return ok
end

local function finish()
  say(failures == 0 and "nvim check: all passed" or ("nvim check: " .. failures .. " failed"))
  io.stdout:flush()
  vim.cmd(failures == 0 and "qall!" or "cquit! 1")
end

-- One line of a value for the transcript: long texts cut, newlines shown as ⏎.
local function short(s, n)
  s = tostring(s or ""):gsub("\n", "⏎")
  n = n or 100
  if #s > n then return s:sub(1, n) .. "…" end
  return s
end

-- A hover's contents as text, whatever shape the server chose (MarkupContent, MarkedString, a list).
local function hover_text(contents)
  if type(contents) == "string" then return contents end
  if type(contents) ~= "table" then return "" end
  if contents.value then return contents.value end
  local parts = {}
  for _, c in ipairs(contents) do table.insert(parts, hover_text(c)) end
  return table.concat(parts, "\n")
end

local ok_run, err = pcall(function()
  if not bin or not rules then error("STRATA_BIN and STRATA_RULES must be set") end
  say("nvim " .. tostring(vim.version().major) .. "." .. tostring(vim.version().minor) .. "." .. tostring(vim.version().patch)
      .. " against `" .. bin .. " lsp` on " .. rules)

  -- Every publishDiagnostics the server sends, newest last.
  local published = {}
  local initialized = false
  local exited = nil
  local root = vim.fn.fnamemodify(rules, ":h")

  local client_id = vim.lsp.start_client({
    name = "strata",
    cmd = { bin, "lsp" },
    root_dir = root,
    workspace_folders = { { uri = vim.uri_from_fname(root), name = "check" } },
    on_init = function(client, result)
      initialized = true
      local caps = result and result.capabilities or {}
      local names = {}
      for k, _ in pairs(caps) do table.insert(names, k) end
      table.sort(names)
      local info = result and result.serverInfo or {}
      say("← initialize: server " .. tostring(info.name) .. " " .. tostring(info.version or "")
          .. ", capabilities " .. table.concat(names, ", "))
    end,
    on_exit = function(code, signal) exited = { code = code, signal = signal } end,
    handlers = {
      ["textDocument/publishDiagnostics"] = function(err, result, ctx, config)
        table.insert(published, result)
        local lines = {}
        for _, d in ipairs(result.diagnostics or {}) do
          table.insert(lines, string.format("%d:%d %s", d.range.start.line + 1, d.range.start.character + 1, short(d.message, 140)))
        end
        say("← textDocument/publishDiagnostics " .. vim.fn.fnamemodify(vim.uri_to_fname(result.uri), ":t") .. ": "
            .. #(result.diagnostics or {}) .. " diagnostic(s)" .. (#lines > 0 and ("\n        " .. table.concat(lines, "\n        ")) or ""))
        return vim.lsp.diagnostic.on_publish_diagnostics(err, result, ctx, config)
      end,
    },
  })
  if not check(client_id ~= nil, "the client started `strata lsp`") then return end
  say("→ initialize (root " .. root .. ")")
  check(vim.wait(timeout, function() return initialized or exited ~= nil end, 20) and initialized,
    "the server answered initialize", exited and ("it exited with " .. tostring(exited.code)) or nil)
  if not initialized then return end

  vim.cmd("edit " .. vim.fn.fnameescape(rules))
  local buf = vim.api.nvim_get_current_buf()
  local uri = vim.uri_from_bufnr(buf)
  vim.lsp.buf_attach_client(buf, client_id)
  say("→ textDocument/didOpen " .. vim.fn.fnamemodify(rules, ":t") .. " (" .. vim.api.nvim_buf_line_count(buf) .. " lines)")

  local function diagnostics_after(n)
    vim.wait(timeout, function() return #published > n end, 20)
    return published[#published]
  end
  -- The example as written has warnings (segments it defines for the reader but never uses), no errors.
  local first = diagnostics_after(0)
  local errors = 0
  for _, d in ipairs(first and first.diagnostics or {}) do
    if d.severity == 1 then errors = errors + 1 end
  end
  check(first ~= nil and errors == 0, "the example as written has no errors",
    first and (errors .. " error(s)") or "none published")

  -- The typo: `clv` becomes `clvv` in one rule.
  local lines = vim.api.nvim_buf_get_lines(buf, 0, -1, false)
  local typo_line, typo_col
  for i, l in ipairs(lines) do
    local s = l:find("avg(clv where", 1, true)
    if s then
      typo_line, typo_col = i - 1, s + 3  -- 0-based line; 0-based column of `clv`
      break
    end
  end
  if not check(typo_line ~= nil, "the example has a rule with `avg(clv where`") then return end
  local before = #published
  local changed = lines[typo_line + 1]:gsub("avg%(clv where", "avg(clvv where", 1)
  vim.api.nvim_buf_set_lines(buf, typo_line, typo_line + 1, false, { changed })
  say("→ textDocument/didChange line " .. (typo_line + 1) .. ": " .. changed)
  -- The newest publication with a diagnostic on the changed line (the server may publish more than once).
  local function on_typo_line()
    local last = published[#published]
    for _, d in ipairs(#published > before and last.diagnostics or {}) do
      if d.range.start.line == typo_line then return d end
    end
    return nil
  end
  vim.wait(timeout, function() return on_typo_line() ~= nil end, 20)
  local after = published[#published]
  local typo = on_typo_line()
  check(typo ~= nil, "a diagnostic on the changed line", after and (#after.diagnostics .. " diagnostic(s), none on line " .. (typo_line + 1)) or "none published")
  if typo then
    check(typo.message:find("did you mean `clv`?", 1, true) ~= nil, "its message says \"did you mean `clv`?\"", short(typo.message, 200))
    check(typo.range.start.character == typo_col and typo.range["end"].character == typo_col + 4,
      "its range is `clvv` (" .. (typo_line + 1) .. ":" .. (typo_col + 1) .. "-" .. (typo_col + 5) .. ")",
      string.format("%d:%d-%d", typo.range.start.line + 1, typo.range.start.character + 1, typo.range["end"].character + 1))
    check(typo.severity == 1, "its severity is Error", tostring(typo.severity))
  end

  -- Completion in a half-typed rule at the end: fields and segments starting with `c`.
  local n = vim.api.nvim_buf_line_count(buf)
  local probe = "segment probe where c"
  vim.api.nvim_buf_set_lines(buf, n, n, false, { probe })
  say("→ textDocument/didChange line " .. (n + 1) .. ": " .. probe)
  local params = { textDocument = { uri = uri }, position = { line = n, character = #probe } }
  say("→ textDocument/completion at " .. (n + 1) .. ":" .. (#probe + 1))
  local responses = vim.lsp.buf_request_sync(buf, "textDocument/completion", params, timeout) or {}
  local reply = responses[client_id] or {}
  local items = reply.result or {}
  if items.items then items = items.items end
  local labels, seen = {}, {}
  for _, it in ipairs(items) do
    table.insert(labels, it.label .. (it.detail and (" (" .. short(it.detail, 30) .. ")") or ""))
    seen[it.label] = it
  end
  say("← " .. #items .. " completion item(s): " .. short(table.concat(labels, ", "), 400))
  check(reply.err == nil, "completion answered without an error", reply.err and vim.inspect(reply.err))
  check(seen["clv"] ~= nil, "the field `clv` is offered")
  local segments = {}
  for _, l in ipairs(lines) do
    local name = l:match("^segment%s+([%w_]+)%s+where")
    if name and seen[name] then table.insert(segments, name) end
  end
  check(#segments > 0, "a segment of the file is offered", "none of its segments among the items")
  if #segments > 0 then say("        segments offered: " .. table.concat(segments, ", ")) end

  -- Hover on a use of the segment `buyers`: its rule, as written in the file.
  local rule = nil
  local hover_line, hover_col
  for i, l in ipairs(lines) do
    rule = rule or l:match("^segment%s+buyers%s+where%s+(.-)%s*$")
    local s = l:find("if(buyers,", 1, true)
    if s and not hover_line then hover_line, hover_col = i - 1, s + 2 end
  end
  if not check(rule ~= nil and hover_line ~= nil, "the example defines and uses the segment `buyers`") then return end
  say("→ textDocument/hover at " .. (hover_line + 1) .. ":" .. (hover_col + 1) .. " (`buyers`)")
  responses = vim.lsp.buf_request_sync(buf, "textDocument/hover", {
    textDocument = { uri = uri }, position = { line = hover_line, character = hover_col + 1 },
  }, timeout) or {}
  reply = responses[client_id] or {}
  local text = reply.result and hover_text(reply.result.contents) or ""
  say("← hover: " .. short(text, 300))
  check(text:find(rule, 1, true) ~= nil, "the hover shows the segment's rule `" .. rule .. "`")

  say("→ shutdown, exit")
  vim.lsp.stop_client(client_id)
  check(vim.wait(timeout, function() return exited ~= nil end, 20), "the server exited after shutdown")
  if exited then check(exited.code == 0, "with status 0", tostring(exited.code)) end
end)

if not ok_run then
  failures = failures + 1
  say("  FAIL  the check stopped: " .. tostring(err))
end
finish()
