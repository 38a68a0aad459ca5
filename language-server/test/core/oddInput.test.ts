// Inputs found by the bad-input review: each must get one clear finding, fast.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, lintTogether, parseConfig } from '../../src/index';

test('a UTF-16 file is named as UTF-16, not as binary data', () => {
  const text = Buffer.from('\ufeff{"id": "/a", "cmd": "sleep 100"}', 'utf16le').toString('utf8');
  const { diagnostics } = lint(text);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /UTF-16 read as UTF-8 .* wrong encoding\. Marathon reads UTF-16 as well/);
});

test('a number too large to represent is called too large, not "not a number"', () => {
  const { diagnostics } = lint('{"id": "/a", "cmd": "sleep 100", "cpus": 1e400}');
  const d = diagnostics.find((x) => x.pointer === '/cpus');
  assert.ok(d, JSON.stringify(diagnostics));
  assert.match(d.message, /too large/);
  assert.doesNotMatch(d.message, /but it is a number/);
});

test('an empty config says it is an empty configuration, not an empty Marathon document', () => {
  const { errors } = parseConfig('  \n', 'marathon-lint.config.json');
  assert.equal(errors.length, 1);
  assert.match(errors[0].message, /configuration file is empty/);
});

test('thousands of unknown rule ids: the first 20 named (with suggestions), the rest counted in one finding', () => {
  const rules = Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`no-such-rule-${i}`, 'off']));
  const { errors } = parseConfig(JSON.stringify({ rules }), 'marathon-lint.config.json');
  assert.equal(errors.filter((e) => /unknown rule id "/.test(e.message)).length, 20);
  assert.ok(errors.some((e) => /4980 more unknown rule ids/.test(e.message)));
});

test('bytes a reader found not to be UTF-8: one finding at the bad byte, and the document joins no root group', () => {
  const app = (id: string, cmd: string) =>
    JSON.stringify({ id, cmd, cpus: 0.1, mem: 64, container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'shared', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } });
  // "./café" saved as Latin-1, as the CLI decodes it: JSON.parse alone would take it.
  const latin1 = app('/a', './caf\ufffd');
  const invalidUtf8 = { offset: latin1.indexOf('\ufffd'), byte: 0xe9 };
  const alone = lint(latin1, { invalidUtf8 });
  assert.deepEqual(alone.diagnostics.map((d) => [d.ruleId, d.range.start.character, d.range.end.character]), [['syntax', invalidUtf8.offset, invalidUtf8.offset + 1]]);
  assert.match(alone.diagnostics[0].message, /not valid UTF-8: the byte 0xE9 .*save it as UTF-8/);
  // Marathon refuses that file, so the other one's volume name is not shared with it.
  const together = lintTogether([{ text: latin1, invalidUtf8 }, { text: app('/b', './x') }]);
  assert.deepEqual(together.map((r) => r.diagnostics.map((d) => d.ruleId)), [['syntax'], []]);
});

test('a short Latin-1 file is called not UTF-8, not binary data, though most of its few characters are U+FFFD', () => {
  const { diagnostics } = lint('{"a":"\ufffd\ufffd"}', { invalidUtf8: { offset: 6, byte: 0xe9 } });
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /not valid UTF-8/);
});

test('a document with more findings than a call can take arguments (150,000) gets them all, not an internal error', () => {
  // Each app's one-character cmd is refused (app-cmd-length): one finding per app, over V8's limit on the number of
  // arguments a spread call passes on the stack (~120,000 here), which turned the whole lint into "nothing else was
  // checked", a warning, so the CLI passed the file with exit 0.
  const apps = Array.from({ length: 150_000 }, (_, i) => ({ id: `a${i}`, cmd: 'x', instances: 1 }));
  const { diagnostics } = lint(JSON.stringify({ id: '/many', apps }));
  assert.deepEqual(diagnostics.filter((d) => d.ruleId === 'internal-error').map((d) => d.message), []);
  assert.equal(diagnostics.filter((d) => d.ruleId === 'app-cmd-length').length, 150_000);
});

test('an id thousands of groups deep, or groups nested thousands deep, is linted alone: no stack overflow in the root group', () => {
  const volume = (name: string) => ({ type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] });
  const deepId = '/a/' + 'b/'.repeat(10_000) + 'c';
  // A batch of apps is placed even alone; the elements that can be placed still are (their volume names clash).
  const batch = JSON.stringify([{ id: deepId, cmd: 'sleep 1' }, { id: '/x', cmd: 'sleep 1', container: volume('pg') }, { id: '/y', cmd: 'sleep 1', container: volume('pg') }]);
  const [together] = lintTogether([{ text: batch }]);
  assert.deepEqual(together.diagnostics.map((d) => [d.ruleId, d.pointer]), [
    ['dvdi-name-unique-in-root-group', '/1/container/volumes/0/external/name'],
    ['dvdi-name-unique-in-root-group', '/2/container/volumes/0/external/name'],
  ]);
  const app = JSON.stringify({ id: deepId, cmd: 'sleep 1' });
  const groups = '{"id":"/top","groups":[' + '{"id":"g","groups":['.repeat(3_000) + '{"id":"leaf","apps":[{"id":"x","cmd":"sleep 1"}]}' + ']}'.repeat(3_000) + ']}';
  for (const text of [app, groups]) {
    const results = lintTogether([{ text }, { text: JSON.stringify({ id: '/other', cmd: 'sleep 1' }) }]);
    assert.deepEqual(results[0], lint(text));
  }
});
