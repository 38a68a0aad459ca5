// The extension's README (its page in the Extensions view, from the .vsix) names every command a user can run from the
// palette ("Marathon: <title>") and every setting it contributes, as package.json declares them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extension = join(dirname(fileURLToPath(import.meta.url)), '../../extension');
const manifest = JSON.parse(readFileSync(join(extension, 'package.json'), 'utf8'));
const readme = readFileSync(join(extension, 'README.md'), 'utf8');

test('extension/README.md names every palette command and every setting of package.json', () => {
  const hidden = new Set<string>((manifest.contributes.menus?.commandPalette ?? []).filter((m: { when?: string }) => m.when === 'false').map((m: { command: string }) => m.command));
  const commands = (manifest.contributes.commands as { command: string; title: string; category: string }[]).filter((c) => !hidden.has(c.command)).map((c) => `${c.category}: ${c.title}`);
  const settings = Object.keys(manifest.contributes.configuration.properties);
  assert.deepEqual([...commands.filter((c) => !readme.includes(c)), ...settings.filter((s) => !readme.includes(`\`${s}\``))], []);
});
