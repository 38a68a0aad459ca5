// Inputs found by the bad-input review: each must get one clear finding, fast.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { lint, parseConfig } from '../../src/index';

test('a UTF-16 file is named as UTF-16, not as binary data', () => {
  const text = Buffer.from('\ufeff{"id": "/a", "cmd": "sleep 100"}', 'utf16le').toString('utf8');
  const { diagnostics } = lint(text);
  assert.equal(diagnostics.length, 1);
  assert.match(diagnostics[0].message, /UTF-16/);
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
