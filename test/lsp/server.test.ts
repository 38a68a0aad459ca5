/**
 * The real bundled server over stdio, driven by a real JSON-RPC client: diagnostics (push and pull),
 * completion, hover, quick fixes, code lens, symbols, definition, settings, shutdown.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, cursor, positionAt, startClient, type TestClient } from './lspClient';

const badId = '{\n  "id": "/My-App",\n  "cmd": "sleep 100",\n  "instances": 1\n}\n';
const goodId = badId.replace('/My-App', '/my-app');
const volumeApp = JSON.stringify(
  {
    id: '/db',
    cmd: 'sleep 1',
    instances: 1,
    container: {
      type: 'MESOS',
      volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'pgdata', provider: 'dvdi', size: 5, options: { 'dvdi/driver': 'rexray', 'dvdi/volumetype': ' gp2 ' } } }],
    },
    env: { DVDI_VOLUME_NAME: 'logs', DVDI_VOLUME_DRIVER: 'pxd', DVDI_VOLUME_OPTS: 'size=2,repl=3', DVDI_VOLUME_CONTAINERPATH: '/var/log/app' },
  },
  null,
  2,
);

let push: TestClient;
before(async () => {
  push = await startClient();
});
after(async () => {
  assert.equal(await push.shutdown(), 0);
});

test('push: diagnostics carry rule id, docs link and source; a fix in the text clears them', async () => {
  const uri = 'file:///tmp/lsp-push/app.json';
  const first = push.waitDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await push.open(uri, badId);
  const p = await first;
  const d = p.diagnostics[0];
  assert.equal(d.source, 'marathon');
  assert.equal(typeof d.code, 'string');
  assert.match(d.codeDescription.href, /docs\/rules\/.+\.md$/);
  assert.equal(d.range.start.line, 1);
  const cleared = push.waitDiagnostics(uri, (q) => q.diagnostics.length === 0);
  await push.change(uri, goodId, 2);
  assert.equal((await cleared).version, 2);
  assert.ok(push.statuses.some((s) => s.uri === uri && typeof s.validationTimeMs === 'number' && !Number.isNaN(Date.parse(s.lastValidated))));
});

test('other JSON gets no diagnostics at all, not even for syntax errors', async () => {
  const other = 'file:///tmp/lsp-push/package.json';
  const marker = 'file:///tmp/lsp-push/marker.json';
  await push.open(other, '{"name": "x", "version": "1.0.0", "dependencies": {');
  const done = push.waitDiagnostics(marker, (p) => p.diagnostics.length > 0);
  await push.open(marker, badId);
  await done;
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(push.published.filter((p) => p.uri === other).length, 0);
});

test('rapid edits: the last published diagnostics belong to the newest version', async () => {
  const uri = 'file:///tmp/lsp-push/rapid.json';
  await push.open(uri, goodId);
  for (let v = 2; v <= 40; v++) await push.change(uri, v % 2 ? goodId : badId, v);
  const last = await push.waitDiagnostics(uri, (p) => p.version === 40);
  assert.ok(last.diagnostics.length > 0, 'version 40 has the bad id');
  await new Promise((r) => setTimeout(r, 300));
  const mine = push.published.filter((p) => p.uri === uri);
  assert.equal(mine[mine.length - 1].version, 40);
  assert.ok(mine.length < 10, `debounced: ${mine.length} publishes for 39 edits`);
});

test('completion: snippets, enums, drivers, option keys, operators, dependency ids', async () => {
  const uri = 'file:///tmp/lsp-push/complete.json';
  const labelsAt = async (withBar: string) => {
    const { text, offset } = cursor(withBar);
    await push.open(uri, text, 1);
    const r: any = await push.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
    await push.close(uri);
    return (r.items as any[]).map((i) => i.label);
  };
  const app = (inner: string) => `{"id": "/a", "cmd": "x", ${inner}}`;
  assert.ok((await labelsAt(app('"container": {"type": "MESOS", "volumes": [|]}'))).includes('External volume (dvdi)'));
  const top = await labelsAt(app('|'));
  assert.ok(top.includes('healthChecks') && top.includes('upgradeStrategy') && !top.includes('cmd'));
  assert.ok((await labelsAt(app('"container": {"type": "|"}'))).includes('MESOS'));
  const ext = (opts: string) => app(`"container": {"type": "MESOS", "volumes": [{"containerPath": "d", "mode": "RW", "external": {"name": "v", "provider": "dvdi", "options": ${opts}}}]}`);
  assert.ok((await labelsAt(ext('{"dvdi/driver": "|"}'))).includes('rexray'));
  assert.ok((await labelsAt(ext('{"dvdi/driver": "rexray", |}'))).includes('dvdi/volumetype'));
  assert.ok((await labelsAt(app('"constraints": [["hostname", |]]'))).includes('UNIQUE'));
  const group = '{"id": "/g", "apps": [{"id": "db", "cmd": "x"}, {"id": "web", "cmd": "x", "dependencies": [|]}]}';
  assert.ok((await labelsAt(group)).includes('/g/db'));
});

/** Opens the text (cursor at `|`), asks for completion there, and returns the text once the item `label` is accepted. */
async function acceptCompletion(uri: string, withBar: string, label: string): Promise<string> {
  const { text, offset } = cursor(withBar);
  await push.open(uri, text, 1);
  const list: any = await push.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(text, offset) });
  await push.close(uri);
  const item = list.items.find((i: any) => i.label === label);
  assert.ok(item, `${label} offered: ${list.items.map((i: any) => i.label)}`);
  // Snippet placeholders as a client fills them in with their defaults.
  const inserted = String(item.textEdit?.newText ?? item.insertText).replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\d+/g, '');
  if (item.textEdit) return applyEdits(text, [{ range: item.textEdit.range, newText: inserted }]);
  return text.slice(0, offset) + inserted + text.slice(offset);
}

test('a key completed before further properties brings its comma, so the document stays valid JSON', async () => {
  const accept = (withBar: string, label: string) => acceptCompletion('file:///tmp/lsp-push/key-comma.json', withBar, label);
  // Before a property on the next line (the usual case: a new line typed above an existing one).
  const above = await accept('{\n  "id": "/a",\n  |\n  "cmd": "sleep 1000"\n}\n', 'instances');
  assert.deepEqual(JSON.parse(above), { id: '/a', instances: 1, cmd: 'sleep 1000' });
  // A partly typed key before a property on the same line.
  const typed = await accept('{"id": "/a", "inst|" "cmd": "sleep 1000"}', 'instances');
  assert.deepEqual(JSON.parse(typed), { id: '/a', instances: 1, cmd: 'sleep 1000' });
  // Last in its object, or before a comma already there: no comma added.
  assert.deepEqual(JSON.parse(await accept('{"id": "/a", "cmd": "sleep 1000", |}', 'instances')), { id: '/a', cmd: 'sleep 1000', instances: 1 });
  assert.deepEqual(JSON.parse(await accept('{"id": "/a", |, "cmd": "sleep 1000"}', 'instances')), { id: '/a', instances: 1, cmd: 'sleep 1000' });
});

/** JSONC as JSON: the comments outside strings dropped, so JSON.parse says whether the rest is valid. */
function withoutComments(text: string): string {
  return text.replace(/"(?:[^"\\]|\\.)*"|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (m) => (m.startsWith('"') ? m : ''));
}

test('comments between the completed key and what follows do not change whether it brings a comma; they stay, and the JSONC stays valid', async () => {
  const accept = (withBar: string) => acceptCompletion('file:///tmp/lsp-push/key-comma-comments.json', withBar, 'instances');
  const cases: [string, Record<string, unknown>][] = [
    // A comment line between the new line and the next property.
    ['{\n  "id": "/a",\n  |\n  // the command\n  "cmd": "sleep 1000"\n}\n', { id: '/a', instances: 1, cmd: 'sleep 1000' }],
    // A block comment (with a quote and a brace in it) before the next property on the same line.
    ['{"id": "/a", | /* "cmd" } follows */ "cmd": "sleep 1000"}', { id: '/a', instances: 1, cmd: 'sleep 1000' }],
    // A partly typed key, a comment, then the next property.
    ['{"id": "/a", "inst|" // typed\n  "cmd": "sleep 1000"}', { id: '/a', instances: 1, cmd: 'sleep 1000' }],
    // Comments, then the end of the object or a comma already there: no comma added.
    ['{\n  "id": "/a",\n  "cmd": "sleep 1000",\n  |\n  // last\n  /* really */\n}\n', { id: '/a', cmd: 'sleep 1000', instances: 1 }],
    ['{"id": "/a", | /* c */ , "cmd": "sleep 1000"}', { id: '/a', instances: 1, cmd: 'sleep 1000' }],
  ];
  for (const [withBar, expected] of cases) {
    const out = await accept(withBar);
    assert.deepEqual(JSON.parse(withoutComments(out)), expected, out);
    const comments = (s: string) => s.match(/\/\/[^\n]*|\/\*[\s\S]*?\*\//g);
    assert.deepEqual(comments(out), comments(withBar), out);
  }
});

test('a value completed before a further item or property brings its comma too, so the document stays valid JSON', async () => {
  const accept = (withBar: string, label: string) => acceptCompletion('file:///tmp/lsp-push/value-comma.json', withBar, label);
  // A new array item typed above an existing one: a dependency id, a constraint operator, a volume snippet.
  const group = '{"id": "/g", "apps": [{"id": "db", "cmd": "x"}, {"id": "web", "cmd": "x", "dependencies": [\n  |\n  "/g/db"\n]}]}';
  assert.deepEqual(JSON.parse(await accept(group, '/g/web')).apps[1].dependencies, ['/g/web', '/g/db']);
  const constraint = '{"id": "/a", "cmd": "x", "constraints": [["hostname", | "rack"]]}';
  assert.deepEqual(JSON.parse(await accept(constraint, 'CLUSTER')).constraints, [['hostname', 'CLUSTER', 'rack']]);
  const volumes = '{"id": "/a", "cmd": "x", "container": {"type": "MESOS", "volumes": [\n  |\n  {"containerPath": "b", "hostPath": "/b", "mode": "RO"}\n]}}';
  assert.equal(JSON.parse(await accept(volumes, 'Host volume')).container.volumes.length, 2);
  // A value typed after a colon on a new line above the next property.
  assert.deepEqual(JSON.parse(await accept('{"id": "/a", "cmd": "x", "container": {"type": |\n  "volumes": []}}', 'MESOS')).container, { type: 'MESOS', volumes: [] });
  // Last in its array or object, or before a comma already there: no comma added.
  assert.deepEqual(JSON.parse(await accept('{"id": "/a", "cmd": "x", "constraints": [["hostname", |]]}', 'UNIQUE')).constraints, [['hostname', 'UNIQUE']]);
  assert.deepEqual(JSON.parse(await accept('{"id": "/a", "cmd": "x", "container": {"type": |, "volumes": []}}', 'DOCKER')).container, { type: 'DOCKER', volumes: [] });
});

test('a $schema taken from completion is no finding: it names the kind for us, and Marathon ignores it', async () => {
  const uri = 'file:///tmp/lsp-push/schema-ref.json';
  const start = cursor('{\n  "$schema": |,\n  "id": "/db/postgres",\n  "cmd": "sleep 1000",\n  "instances": 1\n}\n');
  const missing = push.waitDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await push.open(uri, start.text);
  assert.deepEqual((await missing).diagnostics.map((d) => d.code), ['syntax'], 'the value is missing');
  const list: any = await push.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: positionAt(start.text, start.offset) });
  const item = list.items.find((i: any) => i.label.endsWith('/marathon-app.schema.json'));
  assert.ok(item, `our app schema offered: ${list.items.map((i: any) => i.label)}`);
  const text = start.text.slice(0, start.offset) + (item.textEdit?.newText ?? item.insertText) + start.text.slice(start.offset);
  const published = push.waitDiagnostics(uri, (p) => p.version === 2);
  await push.change(uri, text, 2);
  // Not "Marathon does not know the field "$schema" … Remove it", whose quick fix would undo the completion.
  assert.deepEqual((await published).diagnostics, []);
});

test('hover: schema description and default; rule summary and docs link on a finding', async () => {
  const uri = 'file:///tmp/lsp-push/hover.json';
  await push.open(uri, badId);
  const h1: any = await push.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 3, character: 5 } });
  assert.match(h1.contents.value, /instances/);
  assert.match(h1.contents.value, /Default: `1`/);
  const h2: any = await push.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 12 } });
  assert.match(h2.contents.value, /\[Rule documentation\]\(https:\/\/.+\.md\)/);
});

test('code actions: applying a quick fix removes the finding', async () => {
  const uri = 'file:///tmp/lsp-push/fix.json';
  const text = '{\n  "id": "/web",\n  "cmd": "sleep 1",\n  "constraints": [["hostname", "unique"]]\n}\n';
  const first = push.waitDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await push.open(uri, text);
  const diags = (await first).diagnostics;
  const whole = { start: { line: 0, character: 0 }, end: { line: 5, character: 0 } };
  const actions: any[] = await push.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: diags } });
  assert.ok(actions.length > 0, 'at least one quick fix');
  const action = actions[0];
  const fixed = applyEdits(text, action.edit.changes[uri]);
  const target = action.diagnostics[0];
  const after = push.waitDiagnostics(uri, (p) => p.version === 2);
  await push.change(uri, fixed, 2);
  const remaining = (await after).diagnostics;
  assert.ok(!remaining.some((d: any) => d.code === target.code && d.message === target.message), `fixed: ${JSON.stringify(remaining)}`);
});

test('code lens: Test mount for an external volume and a DVDI_VOLUME_NAME env var, with dryRunMount arguments', async () => {
  const uri = 'file:///tmp/lsp-push/volumes.json';
  await push.open(uri, volumeApp);
  const lenses: any[] = await push.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  assert.equal(lenses.length, 2);
  assert.ok(lenses.every((l) => l.command.command === 'marathon.testMount'));
  const [vol, env] = lenses.map((l) => l.command.arguments[0]);
  assert.deepEqual(vol, {
    uri,
    pointer: '/container/volumes/0/external',
    volume: { driver: 'rexray', name: 'pgdata', options: { volumetype: 'gp2', size: '5' }, containerPath: 'data', mode: 'RW' },
    containerizer: 'MESOS',
    engine: 'docker-volume',
  });
  assert.deepEqual(env, {
    uri,
    pointer: '/env/DVDI_VOLUME_NAME',
    volume: { driver: 'pxd', name: 'logs', options: { size: '2', repl: '3' }, containerPath: '/var/log/app', mode: 'RW' },
    containerizer: 'MESOS',
    engine: 'dvdi-module',
  });
});

test('the JSON layer stops Marathon: the server reports the same severities as the CLI (semantic errors as Information)', async () => {
  const uri = 'file:///tmp/lsp-push/json-layer.json';
  const text = '{"id": "/db", "version": "2021-01-01Z00:00:00", "cmd": "sleep 1", "args": ["x"]}\n';
  const got = push.waitDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await push.open(uri, text);
  const diags = (await got).diagnostics;
  // LSP severities: 1 Error, 3 Information.
  assert.deepEqual(diags.map((d: any) => [d.code, d.severity]).sort(), [['app-cmd-args-container', 3], ['schema', 1]]);
  assert.match(diags.find((d: any) => d.code === 'app-cmd-args-container').message, /only after the JSON errors in this document are fixed/);
});

test('the Docker volume-driver form over stdio: its findings, a Test mount lens on the plugin engine, and the migration fix', async () => {
  const uri = 'file:///tmp/lsp-push/docker-volume.json';
  const text = JSON.stringify({
    id: '/db', instances: 1,
    container: { type: 'DOCKER', docker: { image: 'postgres:15', parameters: [
      { key: 'volume-driver', value: 'rexray' }, { key: 'volume', value: 'pgdata:/var/lib/postgresql/data' }, { key: 'env', value: 'PGDATA:/var/lib/postgresql/data/pg' },
    ] } },
  }, null, 2) + '\n';
  const first = push.waitDiagnostics(uri, (p) => p.diagnostics.length > 0);
  await push.open(uri, text);
  const diags = (await first).diagnostics;
  assert.deepEqual(diags.map((d: any) => d.code).sort(), ['docker-env-parameter', 'docker-volume-driver-migrate']);
  const lenses: any[] = await push.conn.sendRequest('textDocument/codeLens', { textDocument: { uri } });
  assert.deepEqual(lenses.map((l) => l.command.arguments[0]), [{
    uri,
    pointer: '/container/docker/parameters/1',
    volume: { driver: 'rexray', name: 'pgdata', options: {}, containerPath: '/var/lib/postgresql/data', mode: 'RW' },
    containerizer: 'DOCKER',
    engine: 'plugin',
  }]);
  const migrate = diags.filter((d: any) => d.code === 'docker-volume-driver-migrate');
  const whole = { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } };
  const actions: any[] = await push.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: migrate } });
  const action = actions.find((a) => a.diagnostics?.[0]?.code === 'docker-volume-driver-migrate');
  assert.ok(action, JSON.stringify(actions.map((a) => a.title)));
  const fixed = JSON.parse(applyEdits(text, action.edit.changes[uri]));
  assert.deepEqual(fixed.container.volumes, [{ containerPath: '/var/lib/postgresql/data', mode: 'RW', external: { name: 'pgdata', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }]);
});

test('symbols and definition in a group', async () => {
  const uri = 'file:///tmp/lsp-push/group.json';
  const text = '{\n "id": "/prod",\n "apps": [\n  {"id": "db", "cmd": "x"},\n  {"id": "web", "cmd": "x", "dependencies": ["db"]}\n ],\n "groups": [{"id": "jobs", "apps": [{"id": "cron", "cmd": "x"}]}]\n}\n';
  await push.open(uri, text);
  const syms: any[] = await push.conn.sendRequest('textDocument/documentSymbol', { textDocument: { uri } });
  const names = JSON.stringify(syms);
  for (const n of ['"/prod"', '"db"', '"web"', '"jobs"', '"cron"']) assert.ok(names.includes(`"name":${n}`), n);
  const dep = text.indexOf('["db"]') + 2;
  const locs: any[] = await push.conn.sendRequest('textDocument/definition', { textDocument: { uri }, position: positionAt(text, dep) });
  assert.equal(locs.length, 1);
  assert.deepEqual(locs[0].range.start, positionAt(text, text.indexOf('"id": "db"')));
});

test('pull diagnostics; closed documents; settings and config file both apply', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'lsp-pull-'));
  let settings: unknown = {};
  const pull = await startClient({ pull: true, settings: () => settings });
  try {
    const uri = pathToFileURL(join(dir, 'app.json')).href;
    await pull.open(uri, badId);
    const ask = async () => ((await pull.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[];
    const items = await ask();
    assert.ok(items.length > 0);
    assert.equal(pull.published.length, 0, 'no push when the client pulls');
    const code = items[0].code;

    settings = { rules: { [code]: 'off' } };
    await pull.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok(!(await ask()).some((d) => d.code === code), 'settings turned the rule off');

    settings = { rules: { [code]: 42 }, files: 'nope', marathonVersion: { bad: true } };
    await pull.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 200));
    assert.ok((await ask()).some((d) => d.code === code), 'invalid settings are ignored, the rule is back');
    assert.ok(pull.logs.some((l) => l.includes('ignored')));

    writeFileSync(join(dir, 'marathon-lint.config.json'), JSON.stringify({ rules: { [code]: 'off' } }));
    await pull.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(join(dir, 'marathon-lint.config.json')).href, type: 1 }] });
    assert.ok(!(await ask()).some((d) => d.code === code), 'the config file turned the rule off');

    settings = { rules: { [code]: 'warning' } };
    await pull.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await new Promise((r) => setTimeout(r, 200));
    assert.equal((await ask()).find((d) => d.code === code)?.severity, 2, 'settings override the config file');

    await pull.close(uri);
    assert.deepEqual(await ask(), []);
    const hover = await pull.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } });
    assert.equal(hover, null);
  } finally {
    assert.equal(await pull.shutdown(), 0);
  }
});
