/** One list of supported Marathon versions: the editor setting offers exactly what the engine checks. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isSupportedVersion, supportedVersions } from '../../language-server/src/core/profile';
import { repoRoot } from '../lsp/lspClient';

test('the extension\'s marathon.marathonVersion setting lists the engine\'s supported versions', () => {
  const manifest = JSON.parse(readFileSync(join(repoRoot, 'extension/package.json'), 'utf8'));
  const setting = manifest.contributes.configuration.properties['marathon.marathonVersion'];
  assert.deepEqual(setting.enum, ['', ...supportedVersions]);
});

test('isSupportedVersion: a known minor version, optionally with a numeric patch', () => {
  for (const v of ['1.10', '1.8.230', '1.1']) assert.equal(isSupportedVersion(v), true, v);
  for (const v of ['1.2', '2.0', '1.10.', '1.10.x', ' 1.10', 1.1, null, '']) assert.equal(isSupportedVersion(v), false, String(v));
});
