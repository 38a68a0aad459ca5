/**
 * Keys and values users wrote are shown in messages as JSON writes them: a newline, tab or other control
 * character in a key is an escape in the message, not a line break that splits `file:line:col message` output
 * or misnames the key ("foo bar" for "foo\nbar").
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, parseConfig } from '../../src/index';

const odd = 'foo\nbar\t\u0001';
const rawControl = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;

const secrets = parseConfig('{"features": ["secrets", "external_volumes"]}', 'marathon-lint.config.json').profile;

function messagesOf(doc: unknown, options?: Parameters<typeof lint>[1]): { ruleId: string; message: string }[] {
  return lint(JSON.stringify(doc), options).diagnostics.map((d) => ({ ruleId: d.ruleId, message: d.message }));
}

function assertEscaped(found: { ruleId: string; message: string }[], ruleId: string): void {
  const mine = found.filter((d) => d.ruleId === ruleId);
  assert.ok(mine.length > 0, `${ruleId} reports: ${JSON.stringify(found)}`);
  for (const d of mine) {
    assert.doesNotMatch(d.message, rawControl, `${ruleId}: ${JSON.stringify(d.message)}`);
    assert.ok(d.message.includes(JSON.stringify(odd)), `${ruleId} quotes the key as JSON does: ${JSON.stringify(d.message)}`);
  }
}

test('unknown-property quotes an unknown key as JSON does', () => {
  assertEscaped(messagesOf({ id: '/a', cmd: 'sleep 1', [odd]: 1 }), 'unknown-property');
});

test('unknown-property names a nested object by its key as JSON does', () => {
  const found = messagesOf({ id: '/a', cmd: 'sleep 1', secrets: { [odd]: { source: 'x', typo: 1 } } }, { profile: secrets });
  assert.ok(found.some((d) => d.ruleId === 'unknown-property' && d.message.includes(`the fields of ${JSON.stringify(odd)}`)), JSON.stringify(found));
  for (const d of found) assert.doesNotMatch(d.message, rawControl, JSON.stringify(d.message));
});

test('the schema\'s messages quote keys as JSON does', () => {
  const found = messagesOf({ id: '/a', cmd: 'sleep 1', env: { [odd]: 1 } });
  assert.ok(found.length > 0);
  for (const d of found) assert.doesNotMatch(d.message, rawControl, `${d.ruleId}: ${JSON.stringify(d.message)}`);
});

test('a secret name that is not a key of secrets is quoted as JSON does', () => {
  assertEscaped(messagesOf({ id: '/a', cmd: 'sleep 1', env: { X: { secret: odd } }, secrets: {} }, { profile: secrets }), 'env-secret-ref');
});

test('an unknown config setting is quoted as JSON does, line separators and C1 controls escaped too', () => {
  for (const key of [odd, 'l\u2028s\u2029p\u0085']) {
    const { errors } = parseConfig(JSON.stringify({ [key]: 1, rules: { [key]: 'off' }, features: [key] }), 'marathon-lint.config.json');
    assert.equal(errors.length, 3);
    for (const p of errors) {
      assert.doesNotMatch(p.message, rawControl, JSON.stringify(p.message));
      assert.ok(p.message.includes(JSON.stringify(key).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`)), JSON.stringify(p.message));
    }
  }
});

test('a duplicate key is quoted as JSON does, so a quote, a control character or a line separator in it reads back', () => {
  const key = 'a"\u0001\u2028b';
  const text = `{"id": "/a", "cmd": "sleep 1", ${JSON.stringify(key)}: 1, ${JSON.stringify(key)}: 2}`;
  const found = lint(text).diagnostics.filter((d) => d.ruleId === 'no-duplicate-keys');
  assert.equal(found.length, 1, JSON.stringify(found));
  assert.doesNotMatch(found[0].message, rawControl, JSON.stringify(found[0].message));
  assert.ok(found[0].message.startsWith('Duplicate key "a\\"\\u0001\\u2028b": '), JSON.stringify(found[0].message));
});

test('the schema\'s messages escape line separators and C1 controls from the document too', () => {
  const found = messagesOf({ id: '/a', cmd: 'sleep 1', env: { 'l\u2028s': 1 }, labels: { 'k\u0085': 2 }, instances: 'x\u2029y' });
  assert.ok(found.filter((d) => d.ruleId === 'schema').length >= 3, JSON.stringify(found));
  for (const d of found) assert.doesNotMatch(d.message, rawControl, `${d.ruleId}: ${JSON.stringify(d.message)}`);
});

test('no rule puts a raw control character from the document into a message', () => {
  const app = {
    id: '/a',
    cmd: 'sleep 1',
    env: { [odd]: { secret: odd }, X: 'y' },
    secrets: {},
    labels: { DCOS_MIGRATION_API_VERSION: odd, [odd]: odd },
    constraints: [[odd, 'MAX_PER', odd], [odd, 'GROUP_BY', odd], [odd, 'UNIQUE', odd], [odd, 'IS', odd], [odd, 'LIKE', '('+odd], [odd, odd]],
    portDefinitions: [{ port: 0, name: odd }, { port: 0, name: odd }],
    networks: [{ mode: 'container/bridge', name: odd }, { mode: 'container', name: odd }, { mode: 'container', name: odd }],
    readinessChecks: [{ portName: odd }],
    dependencies: [odd],
    acceptedResourceRoles: [odd],
    role: odd,
    container: {
      type: 'DOCKER',
      docker: { image: 'x', parameters: [{ key: 'env', value: odd }, { key: 'volume-driver', value: odd }, { key: odd, value: odd }] },
      volumes: [{ containerPath: odd, mode: 'RW', external: { name: odd, provider: odd, options: { [odd]: odd, 'dvdi/driver': odd } } }],
    },
    fetch: [{ uri: odd }],
  };
  const group = { id: '/g', apps: [{ ...app, id: odd }], groups: [{ id: odd }], dependencies: [odd] };
  const pod = { id: '/p', containers: [{ name: odd, resources: { cpus: 1, mem: 32 }, endpoints: [{ name: odd }, { name: odd }], volumeMounts: [{ name: odd, mountPath: '/x' }] }], volumes: [{ name: odd }] };
  const job = { name: odd, command: 'true', schedule: odd, parents: [odd], container: { type: odd, image: odd, network: odd, volumes: [{ containerPath: odd, mode: odd }] }, constraints: [[odd, odd, odd]] };
  const raw: string[] = [];
  for (const [doc, kind] of [[app, 'app'], [group, 'group'], [pod, 'pod'], [job, 'chronos-job']] as const) {
    for (const d of messagesOf(doc, { profile: secrets, kind })) if (rawControl.test(d.message)) raw.push(`${kind} ${d.ruleId}: ${JSON.stringify(d.message)}`);
  }
  assert.deepEqual(raw, []);
});
