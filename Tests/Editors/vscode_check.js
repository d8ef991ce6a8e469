'use strict';
// editors/vscode/extension.js against `strata lsp`, without VS Code: Node loads the extension with a
// stand-in for the `vscode` module (only the API the extension uses, recording what it is given), opens a
// copy of examples/rfm.strata, changes `clv` to `clvv`, and checks the diagnostics, completion, hover,
// definition, symbols and formatting the extension hands to the editor. Prints what it sent and received,
// one line per check; exit 1 when one fails. Run by .ci/run.
//
//   node Tests/Editors/vscode_check.js [.build/debug/strata]

const Module = require('module');
const fs = require('fs');
const path = require('path');

const os = require('os');
const repo = path.resolve(__dirname, '../..');
const bin = path.resolve(process.argv[2] || path.join(repo, '.build/debug/strata'));
if (!fs.existsSync(bin)) { process.stderr.write(`no strata binary at ${bin} (run swift build first)\n`); process.exit(2); }
// A copy of the example, with its data folder beside it as the example has it: the file is edited.
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'strata-vscode-'));
const rulesFile = path.join(work, 'rfm.strata');
fs.copyFileSync(path.join(repo, 'examples/rfm.strata'), rulesFile);
fs.symlinkSync(path.join(repo, 'examples/data'), path.join(work, 'data'));
process.env.STRATA_LANG = 'en';  // the check reads the English messages whatever the machine's locale
let failures = 0;
const say = (line) => process.stdout.write(line + '\n');
function check(ok, what, detail) {
  say(`  ${ok ? 'ok  ' : 'FAIL'}  ${what}${!ok && detail ? ': ' + detail : ''}`);
  if (!ok) failures += 1;
  return ok;
}

// ---- The stand-in for VS Code's API -------------------------------------------------------------------
const emitter = () => { const fns = []; const on = (fn) => { fns.push(fn); return { dispose() {} }; }; on.fire = (e) => fns.forEach((f) => f(e)); return on; };
class Position { constructor(line, character) { this.line = line; this.character = character; } }
class Range { constructor(start, end) { this.start = start; this.end = end; } }
class Uri {
  constructor(s) { this.s = s; this.fsPath = s.startsWith('file://') ? decodeURIComponent(s.slice(7)) : s; }
  toString() { return this.s; }
  static parse(s) { return new Uri(s); }
  static file(p) { return new Uri('file://' + p.split('/').map(encodeURIComponent).join('/')); }
}
class MarkdownString {
  constructor(value) { this.value = value || ''; }
  appendMarkdown(s) { this.value += s; return this; }
  appendText(s) { this.value += s; return this; }
  appendCodeblock(s, lang) { this.value += '```' + (lang || '') + '\n' + s + '\n```\n'; return this; }
}
let serverPath = path.join(work, 'no-such-strata');
const registered = {};
const diagnosticsByUri = new Map();
const events = { open: emitter(), change: emitter(), save: emitter(), close: emitter() };
const messages = [];
const vscode = {
  Position, Range, Uri, MarkdownString,
  Location: class { constructor(uri, range) { this.uri = uri; this.range = range; } },
  CompletionItem: class { constructor(label, kind) { this.label = label; this.kind = kind; } },
  CompletionList: class { constructor(items, isIncomplete) { this.items = items; this.isIncomplete = isIncomplete; } },
  SnippetString: class { constructor(value) { this.value = value; } },
  Hover: class { constructor(contents, range) { this.contents = contents; this.range = range; } },
  TextEdit: { replace: (range, newText) => ({ range, newText }) },
  WorkspaceEdit: class { constructor() { this.edits = []; } replace(uri, range, newText) { this.edits.push({ uri, range, newText }); } },
  DocumentSymbol: class { constructor(name, detail, kind, range, selectionRange) { Object.assign(this, { name, detail, kind, range, selectionRange, children: [] }); } },
  Diagnostic: class { constructor(range, message, severity) { Object.assign(this, { range, message, severity }); } },
  DiagnosticRelatedInformation: class { constructor(location, message) { Object.assign(this, { location, message }); } },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  languages: {
    createDiagnosticCollection: () => ({
      set: (uri, list) => diagnosticsByUri.set(uri.toString(), list),
      delete: (uri) => diagnosticsByUri.delete(uri.toString()),
      dispose() {},
    }),
  },
  workspace: {
    workspaceFolders: [{ uri: Uri.file(path.dirname(rulesFile)), name: 'check' }],
    textDocuments: [],
    getConfiguration: () => ({ get: (key, fallback) => (key === 'server.path' ? serverPath : fallback) }),
    onDidOpenTextDocument: events.open, onDidChangeTextDocument: events.change,
    onDidSaveTextDocument: events.save, onDidCloseTextDocument: events.close,
  },
  window: {
    createOutputChannel: () => ({ append() {}, appendLine() {}, dispose() {} }),
    showErrorMessage: (m) => { messages.push(m); say('  (error message shown: ' + m + ')'); },
    showInformationMessage: (m) => messages.push(m),
  },
};
for (const name of ['CompletionItem', 'Hover', 'Definition', 'Reference', 'Rename', 'DocumentFormattingEdit', 'DocumentSymbol']) {
  vscode.languages[`register${name}Provider`] = (selector, provider) => { registered[name] = provider; return { dispose() {} }; };
}
const load = Module._load;
Module._load = function (request, ...rest) { return request === 'vscode' ? vscode : load.call(this, request, ...rest); };

// ---- The session -------------------------------------------------------------------------------------
const until = async (what, ms = 20000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) { const v = what(); if (v) return v; await new Promise((r) => setTimeout(r, 20)); }
  return undefined;
};
const short = (s, n = 200) => { s = String(s).replace(/\n/g, '⏎'); return s.length > n ? s.slice(0, n) + '…' : s; };

(async () => {
  const extension = require(path.resolve(__dirname, '../../editors/vscode/extension.js'));
  say(`node ${process.version}: editors/vscode/extension.js against \`${bin} lsp\` on ${rulesFile}`);
  // A binary that is not there: the user is told which path was tried, and nothing is registered.
  const none = await extension.activate({ subscriptions: [] });
  check(none === null && messages.some((m) => m.includes(serverPath)) && Object.keys(registered).length === 0,
    'a missing binary is reported with its path', messages.join('; '));
  serverPath = bin;
  const context = { subscriptions: [] };
  const client = await extension.activate(context);
  if (!check(client, 'the extension started the server', messages.join('; '))) return;
  check(Object.keys(registered).length === 7, 'it registered a provider for each feature the server announces', Object.keys(registered).join(', '));

  let text = fs.readFileSync(rulesFile, 'utf8');
  let version = 1;
  const uri = Uri.file(rulesFile);
  const doc = { uri, languageId: 'strata', get version() { return version; }, getText: () => text };
  events.open.fire(doc);
  say('→ didOpen ' + path.basename(rulesFile));
  // The example as written has warnings (segments it defines for the reader but never uses), no errors.
  const first = await until(() => diagnosticsByUri.get(uri.toString()));
  const errors = (first || []).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
  check(first && errors.length === 0, 'the example as written has no errors', first ? errors.map((d) => d.message).join('; ') : 'none published');

  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.includes('avg(clv where'));
  const col = lines[line].indexOf('avg(clv where') + 4;
  lines[line] = lines[line].replace('avg(clv where', 'avg(clvv where');
  diagnosticsByUri.delete(uri.toString());
  text = lines.join('\n'); version += 1;
  events.change.fire({ document: doc, contentChanges: [{ text }] });
  say(`→ didChange line ${line + 1}: ${lines[line]}`);
  // The newest diagnostics with one on the changed line (the server may publish more than once).
  const diags = await until(() => { const d = diagnosticsByUri.get(uri.toString()); return d && d.some((x) => x.range.start.line === line) ? d : undefined; })
    || diagnosticsByUri.get(uri.toString());
  const typo = (diags || []).find((d) => d.range.start.line === line);
  if (check(typo, 'a diagnostic on the changed line', diags ? diags.map((d) => d.message).join('; ') : 'none published')) {
    say('← ' + short(typo.message));
    check(typo.message.includes('did you mean `clv`?'), 'its message says "did you mean `clv`?"');
    check(typo.range.start.character === col && typo.range.end.character === col + 4, 'its range is `clvv`',
      `${typo.range.start.character}-${typo.range.end.character}`);
    check(typo.severity === vscode.DiagnosticSeverity.Error, 'it is an error');
  }

  const probe = 'segment probe where c';
  text += (text.endsWith('\n') ? '' : '\n') + probe + '\n'; version += 1;
  events.change.fire({ document: doc, contentChanges: [{ text }] });
  const probeLine = text.split('\n').indexOf(probe);
  const list = await registered.CompletionItem.provideCompletionItems(doc, new Position(probeLine, probe.length));
  const labels = ((list && list.items) || []).map((i) => i.label);
  say(`← completion at ${probeLine + 1}:${probe.length + 1}: ${short(labels.join(', '), 300)}`);
  check(labels.includes('clv'), 'the field `clv` is offered');
  check(labels.includes('buyers') || labels.includes('champions'), 'a segment of the file is offered');

  const useLine = lines.findIndex((l) => l.includes('if(buyers,'));
  const hover = await registered.Hover.provideHover(doc, new Position(useLine, lines[useLine].indexOf('if(buyers,') + 4));
  const shown = hover && hover.contents ? hover.contents.value : '';
  say('← hover on `buyers`: ' + short(shown));
  check(shown.includes('purchases >= 1'), "the hover shows the segment's rule");

  const defs = await registered.Definition.provideDefinition(doc, new Position(useLine, lines[useLine].indexOf('if(buyers,') + 4));
  const defLine = lines.findIndex((l) => l.startsWith('segment buyers'));
  check(defs && defs.some((d) => d.range.start.line === defLine), 'go to definition leads to `segment buyers`',
    JSON.stringify((defs || []).map((d) => d.range.start.line + 1)));

  const symbols = await registered.DocumentSymbol.provideDocumentSymbols(doc);
  const names = (symbols || []).map((s) => s.name);
  say('← symbols: ' + short(names.join(', ')));
  check(names.includes('buyers') && names.includes('rfm_segment'), 'the outline lists the segments and tiers');

  // Formatting a copy whose layout is off: the server answers with one edit giving `strata fmt`'s text.
  text = text.replace('segment buyers where purchases >= 1', 'segment   buyers   where purchases>=1').replace(probe + '\n', ''); version += 1;
  events.change.fire({ document: doc, contentChanges: [{ text }] });
  const edits = await registered.DocumentFormattingEdit.provideDocumentFormattingEdits(doc, { tabSize: 2, insertSpaces: true });
  check(edits && edits.length >= 1 && edits.some((e) => e.newText.includes('segment buyers where purchases >= 1')),
    'formatting gives the canonical layout', JSON.stringify(edits));

  const exited = new Promise((resolve) => client.child.on('exit', (code) => resolve(code)));
  await extension.deactivate();
  const code = await Promise.race([exited, new Promise((r) => setTimeout(() => r('still running'), 5000))]);
  check(code === 0 || client.child.exitCode === 0, 'the server exited with status 0 after shutdown', String(code));
})().catch((e) => { failures += 1; say('  FAIL  the check stopped: ' + (e && e.stack || e)); }).finally(() => {
  fs.rmSync(work, { recursive: true, force: true });
  say(failures === 0 ? 'vscode check: all passed' : `vscode check: ${failures} failed`);
  process.exit(failures === 0 ? 0 : 1);
});
