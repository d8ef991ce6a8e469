'use strict';
// Strata for VS Code: starts `strata lsp` and connects it to the editor (docs/editors.md).
//
// Microsoft's vscode-languageclient is an npm package; this file needs nothing but Node and VS Code's own
// API, so the folder works as checked out. It implements the client side of what `strata lsp` serves:
// full-text document sync, diagnostics, completion, hover, definition, references, rename, formatting
// and document symbols. Positions need no conversion: VS Code and LSP both count UTF-16 code units.

const vscode = require('vscode');
const { spawn } = require('child_process');

/** JSON-RPC over a child's stdin/stdout with LSP's Content-Length framing. */
class Connection {
  constructor(child, log) {
    this.child = child;
    this.log = log;
    this.nextId = 1;
    this.pending = new Map();
    this.notificationHandlers = new Map();
    this.requestHandler = () => null;
    this.buffer = Buffer.alloc(0);
    child.stdout.on('data', (chunk) => this.receive(chunk));
    child.on('exit', () => {
      for (const { reject } of this.pending.values()) reject(new Error('strata lsp exited'));
      this.pending.clear();
    });
  }

  send(message) {
    const body = Buffer.from(JSON.stringify(Object.assign({ jsonrpc: '2.0' }, message)), 'utf8');
    if (!this.child.stdin.writable) return;
    this.child.stdin.write(`Content-Length: ${body.length}\r\n\r\n`);
    this.child.stdin.write(body);
  }

  request(method, params) {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.send({ id, method, params });
    });
  }

  notify(method, params) { this.send({ method, params }); }

  onNotification(method, handler) { this.notificationHandlers.set(method, handler); }

  /** Splits the byte stream into messages: a header block, a blank line, then Content-Length bytes. */
  receive(chunk) {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf('\r\n\r\n');
      if (headerEnd < 0) return;
      const header = this.buffer.slice(0, headerEnd).toString('ascii');
      const match = /Content-Length:\s*(\d+)/i.exec(header);
      if (!match) { this.buffer = this.buffer.slice(headerEnd + 4); continue; }
      const length = Number(match[1]);
      if (this.buffer.length < headerEnd + 4 + length) return;
      const body = this.buffer.slice(headerEnd + 4, headerEnd + 4 + length).toString('utf8');
      this.buffer = this.buffer.slice(headerEnd + 4 + length);
      let message;
      try { message = JSON.parse(body); } catch (e) { this.log(`unreadable message from the server: ${e}`); continue; }
      this.dispatch(message);
    }
  }

  dispatch(message) {
    if (message.id !== undefined && message.method === undefined) {
      const waiting = this.pending.get(message.id);
      if (!waiting) return;
      this.pending.delete(message.id);
      if (message.error) waiting.reject(new Error(message.error.message || 'request failed'));
      else waiting.resolve(message.result);
    } else if (message.id !== undefined) {
      // A request from the server (workspace/configuration, client/registerCapability, …).
      Promise.resolve()
        .then(() => this.requestHandler(message.method, message.params))
        .then((result) => this.send({ id: message.id, result: result === undefined ? null : result }),
              (error) => this.send({ id: message.id, error: { code: -32603, message: String(error) } }));
    } else {
      const handler = this.notificationHandlers.get(message.method);
      if (handler) handler(message.params);
    }
  }
}

// LSP's enumerations start at 1 where VS Code's start at 0, in the same order.
const fromLspKind = (kind) => (typeof kind === 'number' ? kind - 1 : undefined);
const position = (p) => new vscode.Position(p.line, p.character);
const range = (r) => new vscode.Range(position(r.start), position(r.end));
const toLspPosition = (p) => ({ line: p.line, character: p.character });
const uriOf = (document) => document.uri.toString();

function markdown(content) {
  if (content === null || content === undefined) return undefined;
  if (typeof content === 'string') return new vscode.MarkdownString(content);
  if (Array.isArray(content)) {
    const md = new vscode.MarkdownString();
    for (const part of content) md.appendMarkdown((markdown(part) || { value: '' }).value + '\n\n');
    return md;
  }
  if (content.kind === 'plaintext') return new vscode.MarkdownString().appendText(content.value);
  if (content.language) return new vscode.MarkdownString().appendCodeblock(content.value, content.language);
  return new vscode.MarkdownString(content.value || '');
}

function location(l) {
  if (l.targetUri) return new vscode.Location(vscode.Uri.parse(l.targetUri), range(l.targetSelectionRange || l.targetRange));
  return new vscode.Location(vscode.Uri.parse(l.uri), range(l.range));
}

function locations(result) {
  if (!result) return [];
  return (Array.isArray(result) ? result : [result]).map(location);
}

function textEdit(e) { return vscode.TextEdit.replace(range(e.range), e.newText); }

function workspaceEdit(result) {
  const edit = new vscode.WorkspaceEdit();
  if (!result) return edit;
  for (const [uri, edits] of Object.entries(result.changes || {})) {
    for (const e of edits) edit.replace(vscode.Uri.parse(uri), range(e.range), e.newText);
  }
  for (const change of result.documentChanges || []) {
    if (!change.textDocument) continue;
    for (const e of change.edits || []) edit.replace(vscode.Uri.parse(change.textDocument.uri), range(e.range), e.newText);
  }
  return edit;
}

function completionItem(item) {
  const out = new vscode.CompletionItem(item.label, fromLspKind(item.kind));
  out.detail = item.detail;
  out.documentation = markdown(item.documentation);
  out.sortText = item.sortText;
  out.filterText = item.filterText;
  const text = item.textEdit ? item.textEdit.newText : item.insertText;
  if (text !== undefined) out.insertText = item.insertTextFormat === 2 ? new vscode.SnippetString(text) : text;
  if (item.textEdit && item.textEdit.range) out.range = range(item.textEdit.range);
  return out;
}

function documentSymbol(s) {
  if (s.location) {  // SymbolInformation: flat, no selection range
    const r = range(s.location.range);
    return new vscode.DocumentSymbol(s.name, s.containerName || '', fromLspKind(s.kind), r, r);
  }
  const out = new vscode.DocumentSymbol(s.name, s.detail || '', fromLspKind(s.kind), range(s.range), range(s.selectionRange));
  out.children = (s.children || []).map(documentSymbol);
  return out;
}

const severities = () => [undefined, vscode.DiagnosticSeverity.Error, vscode.DiagnosticSeverity.Warning,
  vscode.DiagnosticSeverity.Information, vscode.DiagnosticSeverity.Hint];

function diagnostic(d) {
  const out = new vscode.Diagnostic(range(d.range), d.message, severities()[d.severity] ?? vscode.DiagnosticSeverity.Error);
  out.source = d.source || 'strata';
  if (d.code !== undefined) out.code = d.code;
  if (Array.isArray(d.relatedInformation)) {
    out.relatedInformation = d.relatedInformation.map((r) => new vscode.DiagnosticRelatedInformation(location(r.location), r.message));
  }
  return out;
}

let client = null;

/** Starts the server and wires every feature it announces; resolves to the running client, or null. */
async function start(context) {
  const config = vscode.workspace.getConfiguration('strata');
  if (config.get('server.enabled', true) === false) return null;
  const command = config.get('server.path', 'strata') || 'strata';
  const output = vscode.window.createOutputChannel('Strata');
  context.subscriptions.push(output);
  const folder = (vscode.workspace.workspaceFolders || [])[0];

  const child = spawn(command, ['lsp'], { cwd: folder ? folder.uri.fsPath : undefined, stdio: ['pipe', 'pipe', 'pipe'] });
  const failed = new Promise((resolve) => child.on('error', (e) => resolve(e)));
  child.stdin.on('error', (e) => output.appendLine(`writing to the server: ${e.message}`));
  child.stderr.on('data', (chunk) => output.append(chunk.toString()));
  child.on('exit', (code, signal) => {
    // After deactivate() `client` is null: an exit then is the one asked for.
    if (client && client.child === child) {
      vscode.window.showErrorMessage(`Strata: \`${command} lsp\` stopped (${signal || 'status ' + code}); reload the window to restart it.`);
      client = null;
    }
  });
  const connection = new Connection(child, (line) => output.appendLine(line));
  connection.requestHandler = (method, params) => {
    if (method === 'workspace/configuration') return (params.items || []).map(() => null);
    return null;
  };
  const diagnostics = vscode.languages.createDiagnosticCollection('strata');
  context.subscriptions.push(diagnostics);
  connection.onNotification('textDocument/publishDiagnostics', (params) => {
    diagnostics.set(vscode.Uri.parse(params.uri), (params.diagnostics || []).map(diagnostic));
  });
  connection.onNotification('window/logMessage', (params) => output.appendLine(params.message));
  connection.onNotification('window/showMessage', (params) => vscode.window.showInformationMessage(params.message));

  let capabilities;
  try {
    const result = await Promise.race([
      connection.request('initialize', {
        processId: process.pid,
        clientInfo: { name: 'strata-vscode' },
        rootUri: folder ? folder.uri.toString() : null,
        workspaceFolders: (vscode.workspace.workspaceFolders || []).map((f) => ({ uri: f.uri.toString(), name: f.name })),
        capabilities: {
          general: { positionEncodings: ['utf-16'] },
          textDocument: {
            synchronization: { didSave: true },
            publishDiagnostics: { relatedInformation: true },
            completion: { completionItem: { snippetSupport: true, documentationFormat: ['markdown', 'plaintext'] } },
            hover: { contentFormat: ['markdown', 'plaintext'] },
            documentSymbol: { hierarchicalDocumentSymbolSupport: true },
            definition: {}, references: {}, rename: {}, formatting: {},
          },
        },
      }),
      failed.then((e) => { throw e; }),
    ]);
    capabilities = (result && result.capabilities) || {};
  } catch (e) {
    vscode.window.showErrorMessage(`Strata: could not start \`${command} lsp\` (${e.message || e}). ` +
      'Set "strata.server.path" to the strata binary.');
    child.kill();
    return null;
  }
  connection.notify('initialized', {});

  const selector = { language: 'strata' };
  const isStrata = (document) => document.languageId === 'strata';
  const open = (document) => {
    if (!isStrata(document)) return;
    connection.notify('textDocument/didOpen', {
      textDocument: { uri: uriOf(document), languageId: 'strata', version: document.version, text: document.getText() },
    });
  };
  vscode.workspace.textDocuments.forEach(open);
  context.subscriptions.push(
    vscode.workspace.onDidOpenTextDocument(open),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (!isStrata(event.document) || event.contentChanges.length === 0) return;
      // The whole text: a server that syncs incrementally accepts a change without a range as the full text.
      connection.notify('textDocument/didChange', {
        textDocument: { uri: uriOf(event.document), version: event.document.version },
        contentChanges: [{ text: event.document.getText() }],
      });
    }),
    vscode.workspace.onDidSaveTextDocument((document) => {
      if (isStrata(document)) connection.notify('textDocument/didSave', { textDocument: { uri: uriOf(document) } });
    }),
    vscode.workspace.onDidCloseTextDocument((document) => {
      if (!isStrata(document)) return;
      connection.notify('textDocument/didClose', { textDocument: { uri: uriOf(document) } });
      diagnostics.delete(document.uri);
    }),
  );

  const at = (document, pos) => ({ textDocument: { uri: uriOf(document) }, position: toLspPosition(pos) });
  // A failed request shows nothing rather than an error popup, except rename, whose refusal is the answer.
  const quietly = (promise, convert) => promise.then(convert, (e) => { output.appendLine(String(e.message || e)); return undefined; });
  const register = (capability, make) => { if (capabilities[capability]) context.subscriptions.push(make()); };

  register('completionProvider', () => vscode.languages.registerCompletionItemProvider(selector, {
    provideCompletionItems: (document, pos) => quietly(connection.request('textDocument/completion', at(document, pos)), (result) => {
      const items = Array.isArray(result) ? result : (result && result.items) || [];
      return new vscode.CompletionList(items.map(completionItem), Boolean(result && result.isIncomplete));
    }),
  }, ...((capabilities.completionProvider || {}).triggerCharacters || [])));
  register('hoverProvider', () => vscode.languages.registerHoverProvider(selector, {
    provideHover: (document, pos) => quietly(connection.request('textDocument/hover', at(document, pos)), (result) =>
      result ? new vscode.Hover(markdown(result.contents), result.range ? range(result.range) : undefined) : undefined),
  }));
  register('definitionProvider', () => vscode.languages.registerDefinitionProvider(selector, {
    provideDefinition: (document, pos) => quietly(connection.request('textDocument/definition', at(document, pos)), locations),
  }));
  register('referencesProvider', () => vscode.languages.registerReferenceProvider(selector, {
    provideReferences: (document, pos, context) => quietly(connection.request('textDocument/references',
      Object.assign(at(document, pos), { context: { includeDeclaration: context.includeDeclaration } })), locations),
  }));
  register('renameProvider', () => vscode.languages.registerRenameProvider(selector, {
    provideRenameEdits: (document, pos, newName) => connection.request('textDocument/rename',
      Object.assign(at(document, pos), { newName })).then(workspaceEdit),
  }));
  register('documentFormattingProvider', () => vscode.languages.registerDocumentFormattingEditProvider(selector, {
    provideDocumentFormattingEdits: (document, options) => quietly(connection.request('textDocument/formatting', {
      textDocument: { uri: uriOf(document) }, options: { tabSize: options.tabSize, insertSpaces: options.insertSpaces },
    }), (edits) => (edits || []).map(textEdit)),
  }));
  register('documentSymbolProvider', () => vscode.languages.registerDocumentSymbolProvider(selector, {
    provideDocumentSymbols: (document) => quietly(connection.request('textDocument/documentSymbol',
      { textDocument: { uri: uriOf(document) } }), (symbols) => (symbols || []).map(documentSymbol)),
  }));

  return { connection, child, diagnostics };
}

async function activate(context) {
  client = await start(context);
  return client;
}

/** Asks the server to shut down and exit; kills it if it has not within two seconds. */
async function deactivate() {
  if (!client) return;
  const { connection, child } = client;
  client = null;
  const timer = setTimeout(() => child.kill(), 2000);
  try {
    await connection.request('shutdown', null);
    connection.notify('exit', null);
  } catch (e) {
    child.kill();
  }
  await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
  clearTimeout(timer);
}

module.exports = { activate, deactivate, Connection };
