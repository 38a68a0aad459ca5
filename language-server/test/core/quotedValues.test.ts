/**
 * A value the user wrote is shown in a rule's message as a JSON string: `"a\" b"` for `a" b`, `"C:\\x"` for `C:\x`,
 * so JSON.parse of the quoted part gives back exactly what is in the document. `"a" b"` (the value pasted between
 * quotes) reads as two values, and `"C:\x"` as an escape the file does not contain. Control characters are escaped
 * once, as JSON writes them (`\u0001`, never `\\u0001`); the line separators JSON leaves raw are escaped too.
 */
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { lint, parseConfig } from '../../src/index';
import type { DocumentKind } from '../../src/core/types';

const secrets = parseConfig('{"features": ["secrets"]}', 'marathon-lint.config.json').profile;

/** The value as it must appear in a message: its JSON string, with U+2028, U+2029, DEL and C1 escaped as well. */
function shown(value: string): string {
  return JSON.stringify(value).replace(/[\u007f-\u009f\u2028\u2029]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

interface Case {
  ruleId: string;
  kind: DocumentKind;
  doc: (value: string) => unknown;
}

/** Representative rules, each with a field whose value reaches the message (app, constraint, Docker, pod, group). */
const cases: Case[] = [
  { ruleId: 'env-secret-ref', kind: 'app', doc: (v) => ({ id: '/a', cmd: 'sleep 1', env: { X: { secret: v } }, secrets: {} }) },
  { ruleId: 'constraint-is-value', kind: 'app', doc: (v) => ({ id: '/a', cmd: 'sleep 1', constraints: [['rack', 'IS', v]] }) },
  { ruleId: 'dcos-migration-api-labels', kind: 'app', doc: (v) => ({ id: '/a', cmd: 'sleep 1', labels: { DCOS_MIGRATION_API_VERSION: v, DCOS_PACKAGE_FRAMEWORK_NAME: 'f', DCOS_MIGRATION_API_PATH: '/m' } }) },
  { ruleId: 'app-id-pattern', kind: 'app', doc: (v) => ({ id: `/${v}`, cmd: 'sleep 1' }) },
  { ruleId: 'docker-env-parameter', kind: 'app', doc: (v) => ({ id: '/a', container: { type: 'DOCKER', docker: { image: 'x', parameters: [{ key: 'env', value: v }] } } }) },
  { ruleId: 'pod-volumemount-ref', kind: 'pod', doc: (v) => ({ id: '/p', containers: [{ name: 'c', resources: { cpus: 1, mem: 32 }, volumeMounts: [{ name: v, mountPath: '/x' }] }] }) },
  { ruleId: 'pod-volume-names-unique', kind: 'pod', doc: (v) => ({ id: '/p', containers: [{ name: 'c', resources: { cpus: 1, mem: 32 } }], volumes: [{ name: v }, { name: v }] }) },
  { ruleId: 'group-app-child', kind: 'group', doc: (v) => ({ id: '/g', apps: [{ id: `/other/${v}`, cmd: 'sleep 1' }] }) },
];

function messagesOf(c: Case, value: string): string[] {
  const result = lint(JSON.stringify(c.doc(value)), { profile: secrets, kind: c.kind });
  const mine = result.diagnostics.filter((d) => d.ruleId === c.ruleId);
  assert.ok(mine.length > 0, `${c.ruleId} reports for ${JSON.stringify(value)}: ${JSON.stringify(result.diagnostics.map((d) => [d.ruleId, d.message]))}`);
  return mine.map((d) => d.message);
}

function mentions(message: string, value: string): number {
  return message.split(shown(value)).length - 1;
}

/** A value the rules treat like the odd ones (not an id segment, not an IS value, no "="), without a character to escape. */
const plainValue = 'Plain value';

/** Every mention of the value is its JSON string: as many as a plain value gets, where no escaping could go wrong. */
function assertQuotedAsJson(c: Case, value: string): void {
  assert.equal(JSON.parse(shown(value)), value);
  const plain = messagesOf(c, plainValue);
  const odd = messagesOf(c, value);
  assert.equal(odd.length, plain.length, JSON.stringify(odd));
  odd.forEach((message, i) => {
    assert.ok(mentions(plain[i], plainValue) > 0, `${c.ruleId} names the value: ${plain[i]}`);
    assert.equal(mentions(message, value), mentions(plain[i], plainValue), `${c.ruleId} shows ${shown(value)} each time it names it: ${JSON.stringify(message)}`);
  });
}

for (const c of cases) {
  test(`${c.ruleId} quotes a value with a double quote, a backslash and a line separator as a JSON string`, () => {
    for (const value of ['a" b', 'C:\\x', 'x\\"y', 'l\u2028s']) assertQuotedAsJson(c, value);
  });
}

test('a control character in a quoted value is escaped once, as JSON writes it', () => {
  const [message] = messagesOf(cases[0], 'a\u0001"b\n');
  assert.ok(message.includes('"a\\u0001\\"b\\n"'), JSON.stringify(message));
  assert.ok(!message.includes('\\\\u0001') && !message.includes('\\\\n'), `escaped twice: ${JSON.stringify(message)}`);
});

test('a fix title quotes the value it writes as a JSON string', () => {
  const app = { id: '/a', container: { type: 'DOCKER', docker: { image: 'x', parameters: [{ key: 'env', value: 'DIR: C:\\x "y"' }] } } };
  const result = lint(JSON.stringify(app), { kind: 'app' });
  const fix = result.diagnostics.find((d) => d.ruleId === 'docker-env-parameter')?.fix;
  assert.ok(fix, JSON.stringify(result.diagnostics));
  assert.deepEqual(fix.edits[0], { op: 'replace', pointer: '/container/docker/parameters/0/value', value: 'DIR=C:\\x "y"' });
  assert.equal(fix.title, `Write ${shown('DIR=C:\\x "y"')}`);
});

/** Characters that make a hand-quoted value ambiguous, mixed with plain ones; "/", ":" and "=" would change which finding fires. */
const tricky = fc.constantFrom('"', '\\', '\u2028', '\u2029', '\u0001', '\n', '\u007f', '\u0085', "'", ' ', '{', '}');
const plain = fc.constantFrom('a', 'b', 'z', '0', '9', '-', '.', 'é', '字');
const values = fc
  .tuple(fc.string({ unit: plain, maxLength: 6 }), tricky, fc.string({ unit: fc.oneof(plain, tricky), maxLength: 8 }))
  .map(([a, t, b]) => a + t + b);

test('property: for any value with quotes, backslashes or separators, JSON.parse of the quoted part gives the value back', () => {
  fc.assert(
    fc.property(fc.constantFrom(...cases), values, (c, value) => assertQuotedAsJson(c, value)),
    { numRuns: 300 },
  );
});
