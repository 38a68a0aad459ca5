// lintValue (a parsed value, no positions) against lint (text): the same findings on every rule fixture, in
// lint's order and with lint's ranges once withRanges(text) is asked for; only what the text alone shows
// (duplicate keys) is lint's alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { lint, lintValue, type Diagnostic } from '../../src/index';
import { fixturesDir, jsonFiles, nearestConfig, profileFor } from '../ruleFixtures';

const textOnly = new Set(['no-duplicate-keys']);

function strictJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
  } catch {
    return { ok: false };
  }
}

const withoutRange = ({ range: _r, ...rest }: Diagnostic) => rest;

test('lintValue: the same findings as lint on every rule fixture; withRanges gives lint\'s diagnostics', () => {
  let compared = 0;
  let withFindings = 0;
  for (const file of jsonFiles(fixturesDir)) {
    const text = readFileSync(file, 'utf8');
    const parsed = strictJson(text);
    if (!parsed.ok) continue;
    const profile = profileFor(nearestConfig(file));
    const name = relative(fixturesDir, file);
    const expected = lint(text, { profile });
    const got = lintValue(parsed.value, { profile });
    const fromText = expected.diagnostics.filter((d) => !textOnly.has(d.ruleId));
    assert.equal(got.kind, expected.kind, name);
    assert.deepEqual(got.withRanges(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text), fromText, name);
    const key = (d: object) => JSON.stringify(d);
    assert.deepEqual(got.findings.map(key).sort(), fromText.map(withoutRange).map(key).sort(), name);
    compared++;
    if (got.findings.length > 0) withFindings++;
  }
  // The comparison saw real work: most fixtures, and many of them with findings.
  assert.ok(compared > 300, `only ${compared} fixtures compared`);
  assert.ok(withFindings > 150, `only ${withFindings} fixtures with findings`);
});

test('lintValue: null optional fields are dropped as lint drops them, without the text to search', () => {
  // Host networking drops port mappings; moving them to portDefinitions is offered only when the app has no
  // ports of its own, and `"ports": null` is no ports to Marathon (nullAbsent.ts).
  const value = { id: '/web', cmd: 'sleep 1', cpus: 0.1, mem: 32, ports: null, networks: [{ mode: 'host' }], container: { type: 'DOCKER', docker: { image: 'nginx' }, portMappings: [{ containerPort: 80, hostPort: 0 }] } };
  const text = JSON.stringify(value, null, 2);
  const found = lintValue(value);
  assert.deepEqual(found.findings.map((f) => [f.ruleId, f.fix?.title]), [['portmappings-host-dropped', 'Move the port mappings to portDefinitions']]);
  assert.deepEqual(found.withRanges(text), lint(text).diagnostics);
});

test('lintValue: any value at all gives a result, never a throw', () => {
  for (const v of [undefined, null, 42, 'x', [], {}, { apps: 5 }, { id: 7, containers: {} }, { apps: [null, 1, { id: {} }] }]) {
    const r = lintValue(v);
    assert.ok(Array.isArray(r.findings));
    assert.ok(Array.isArray(r.withRanges(JSON.stringify(v) ?? '')));
  }
  assert.equal(lintValue({ apps: [] }).kind, 'group');
  assert.deepEqual(lintValue({ foo: 1 }).findings.map((f) => f.ruleId), ['unknown-kind']);
});
