import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { defaultProfile, parseConfig } from '../../src/index';

const file = 'marathon-lint.config.json';

test('config: the full shape is read', () => {
  const text = JSON.stringify({ marathonVersion: '1.8.230', features: ['vips'], mesosRole: 'slave_public', defaultNetworkName: 'dcos', newGroupEnforceRole: 'Top', rules: { schema: 'warning', 'no-duplicate-keys': 'off' } });
  const { profile, errors } = parseConfig(text, file);
  assert.deepEqual(errors, []);
  assert.deepEqual(profile, { marathonVersion: '1.8.230', features: ['vips'], mesosRole: 'slave_public', defaultNetworkName: 'dcos', newGroupEnforceRole: 'Top', rules: { schema: 'warning', 'no-duplicate-keys': 'off' } });
});

test('config: newGroupEnforceRole is "Off", "Top" or null (unknown, the default: judged by what both settings refuse)', () => {
  assert.equal(defaultProfile.newGroupEnforceRole, null);
  for (const v of ['Off', 'Top', null] as const) assert.deepEqual(parseConfig(JSON.stringify({ newGroupEnforceRole: v }), file), { profile: { ...defaultProfile, features: [...defaultProfile.features], newGroupEnforceRole: v, rules: {} }, errors: [], ignorePatterns: [] });
});

test('config: the config file\'s JSON schema has the profile\'s keys and defaults, so editors offer what the linter reads', () => {
  const schema = JSON.parse(readFileSync(join(import.meta.dirname, '../../../schema/marathon-lint-config.schema.json'), 'utf8')) as { properties: Record<string, { default?: unknown }>; default: unknown };
  // ignorePatterns is about which files are linted, not how: the adapters' (project/ignorePatterns.ts), not the profile's.
  const { $schema: _s, ignorePatterns, ...properties } = schema.properties;
  assert.ok(ignorePatterns);
  assert.deepEqual(Object.keys(properties).sort(), Object.keys(defaultProfile).sort());
  for (const [key, p] of Object.entries(properties)) assert.deepEqual(p.default, defaultProfile[key as keyof typeof defaultProfile], key);
  assert.deepEqual(schema.default, defaultProfile);
});

test('config: an empty object means the defaults', () => {
  assert.deepEqual(parseConfig('{}', file), { profile: { ...defaultProfile, features: [...defaultProfile.features], rules: {} }, errors: [], ignorePatterns: [] });
});

test('config: ignorePatterns are kept as written, the bad ones dropped', () => {
  const { errors, ignorePatterns } = parseConfig('{"ignorePatterns": ["package.json", 7, "!fixtures/keep.json", "../x"]}', file);
  assert.deepEqual(ignorePatterns, ['package.json', '!fixtures/keep.json', '../x']);
  assert.deepEqual(errors.map((e) => e.severity), ['error', 'warning']);
});

// config text → [pointer, severity, words of the message] of every diagnostic, in order.
const bad: [string, [string, string, string][]][] = [
  ['{"marathonVersion": "2.0"}', [['/marathonVersion', 'error', 'not a supported Marathon version']]],
  ['{"marathonVersion": 1.10}', [['/marathonVersion', 'error', 'write versions as strings']]],
  ['{"features": "vips"}', [['/features', 'error', 'must be an array']]],
  ['{"features": ["vip"]}', [['/features/0', 'warning', 'Did you mean "vips"?']]],
  ['{"mesosRole": ""}', [['/mesosRole', 'error', 'non-empty string']]],
  ['{"defaultNetworkName": 5}', [['/defaultNetworkName', 'error', 'or null']]],
  ['{"newGroupEnforceRole": "top"}', [['/newGroupEnforceRole', 'error', 'Did you mean "Top"?']]],
  ['{"newGroupEnforceRole": true}', [['/newGroupEnforceRole', 'error', '--new_group_enforce_role']]],
  ['{"newGroupEnforceRol": "Top"}', [['/newGroupEnforceRol', 'warning', 'Did you mean "newGroupEnforceRole"?']]],
  ['{"rules": {"shcema": "off"}}', [['/rules/shcema', 'error', 'Did you mean "schema"?']]],
  ['{"rules": {"schema": "warn"}}', [['/rules/schema', 'error', 'Did you mean "warning"?']]],
  ['{"rules": []}', [['/rules', 'error', 'must be an object']]],
  ['{"marathonversion": "1.10"}', [['/marathonversion', 'warning', 'Did you mean "marathonVersion"?']]],
  ['{"ignorePatterns": "package.json"}', [['/ignorePatterns', 'error', 'must be an array of file patterns']]],
  ['{"ignorePatterns": ["ok.json", 3, "", "!"]}', [['/ignorePatterns/1', 'error', 'non-empty string'], ['/ignorePatterns/2', 'error', 'non-empty string'], ['/ignorePatterns/3', 'error', 'non-empty string']]],
  ['{"ignorePatterns": ["../shared/*.json"]}', [['/ignorePatterns/0', 'warning', 'climbs out of this file\'s directory']]],
  // A Windows path: each \ escapes the character after it, as in .gitignore ("test\\fixtures\\" matches nothing).
  ['{"ignorePatterns": ["test\\\\fixtures\\\\", "deploy\\\\generated\\\\*.json", "a\\\\*.json", "keep\\\\ ", "\\\\#x.json"]}', [['/ignorePatterns/0', 'warning', 'not a directory separator'], ['/ignorePatterns/1', 'warning', '"deploy/generated/*.json"']]],
  ['{"ignorePattern": ["x"]}', [['/ignorePattern', 'warning', 'Did you mean "ignorePatterns"?']]],
  ['[]', [['', 'error', 'must be a JSON object']]],
  ['{"rules": {', [['', 'error', 'Invalid JSON']]],
  ['', [['', 'error', 'empty']]],
];

for (const [text, expected] of bad) {
  test(`config: ${text || '(empty)'}`, () => {
    const { profile, errors } = parseConfig(text, file);
    assert.deepEqual(errors.map((e) => [e.pointer, e.severity]), expected.map(([p, s]) => [p, s]));
    errors.forEach((e, i) => {
      assert.ok(e.message.includes(expected[i][2]), e.message);
      assert.ok(e.message.startsWith(file), 'names the file');
      assert.ok(e.range.start.line >= 0 && e.range.end.character >= 0);
    });
    assert.equal(typeof profile.marathonVersion, 'string'); // always a usable profile
  });
}

test('config: a diagnostic points at the offending value', () => {
  const text = '{\n  "marathonVersion": "9.9"\n}';
  const [e] = parseConfig(text, file).errors;
  assert.deepEqual(e.range, { start: { line: 1, character: 21 }, end: { line: 1, character: 26 } });
});

test('config: a comment is said to be refused without the advice to move the note into a label, which a config has not', () => {
  for (const text of ['{ // the cluster we deploy to\n  "marathonVersion": "1.10" }', '# cluster\n{}']) {
    const [e] = parseConfig(text, file).errors;
    assert.match(e.message, /JSON does not allow comments: remove them\.$/, e.message);
  }
});

test('config: a setting for internal-error or config, which no setting changes, is a warning saying so, not silence', () => {
  const { profile, errors } = parseConfig('{"rules": {"internal-error": "off", "config": "warning", "dvdi-single-instance": "off"}}', file);
  assert.deepEqual(
    errors.map((e) => [e.severity, e.range.start.character, e.message.replace(/^\S+: /, '')]),
    [
      ['warning', 11, 'rule "internal-error" cannot be set: it says that a result is incomplete (a bug in the linter), so it is always reported as a warning. Remove this setting.'],
      ['warning', 36, 'rule "config" cannot be set: it is about this file, whose problems are reported before any of its settings apply. Remove this setting.'],
    ],
  );
  assert.deepEqual(profile.rules, { 'dvdi-single-instance': 'off' });
});

test('config: every problem in the file is a `config` finding, a duplicate key too (not the definitions\' no-duplicate-keys, which a setting there would seem to turn off)', () => {
  const { errors } = parseConfig('{"rules": {}, "rules": {"no-duplicate-keys": "off"}, "features": ["vips"], "features": []}', file);
  assert.deepEqual(errors.map((e) => [e.ruleId, e.severity, e.pointer]), [
    ['config', 'warning', '/rules'],
    ['config', 'warning', '/features'],
  ]);
  assert.ok(errors.every((e) => e.docsUrl === undefined || e.docsUrl.endsWith('/config.md')), errors.map((e) => e.docsUrl).join(' '));
});
