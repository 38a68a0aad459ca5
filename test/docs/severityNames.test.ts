// The severities a user may write for a rule are the config schema's (schema/marathon-lint-config.schema.json,
// which core/config.ts enforces): docs/README.md tells users what to write, and the VS Code setting
// `marathon.rules` (extension/package.json) offers the same choice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const json = (p: string) => JSON.parse(readFileSync(join(root, p), 'utf8'));
const accepted = [...(json('schema/marathon-lint-config.schema.json').properties.rules.additionalProperties.enum as string[])].sort();

test('docs/README.md names the severities marathon-lint.config.json accepts', () => {
  const line = /`\{"rules": \{"<id>": ([^`]*)\}\}`/.exec(readFileSync(join(root, 'docs/README.md'), 'utf8'));
  assert.ok(line, 'docs/README.md shows {"rules": {"<id>": …}}');
  assert.deepEqual([...line[1].matchAll(/"([a-z]+)"/g)].map((m) => m[1]).sort(), accepted);
});

test("the VS Code setting marathon.rules offers the config file's severities", () => {
  const setting = json('extension/package.json').contributes.configuration.properties['marathon.rules'];
  assert.deepEqual([...setting.additionalProperties.enum].sort(), accepted);
});
