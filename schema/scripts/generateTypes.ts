// Regenerates schema/src/generated/*.ts from the published schemas:
//   node --import tsx schema/scripts/generateTypes.ts
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderTypes, typesDir } from './renderTypes';

mkdirSync(typesDir, { recursive: true });
for (const [module, text] of await renderTypes()) {
  writeFileSync(join(typesDir, module), text);
  console.log(`wrote schema/src/generated/${module}`);
}
