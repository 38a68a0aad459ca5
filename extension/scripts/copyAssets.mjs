// Copies what the extension ships from other parts of the repo into extension/dist: the config schema that
// `contributes.jsonValidation` points at (schema/ is the one place schemas are written). The language server
// bundle is copied by scripts/build.mjs. Run by `npm run package` and by the e2e setup; idempotent.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const extensionDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export function copyAssets() {
  mkdirSync(join(extensionDir, 'dist'), { recursive: true });
  copyFileSync(join(extensionDir, '../schema/marathon-lint-config.schema.json'), join(extensionDir, 'dist/marathon-lint-config.schema.json'));
}
if (process.argv[1] === fileURLToPath(import.meta.url)) copyAssets();
