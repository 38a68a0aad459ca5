// Writes the published document schemas (schema/*.schema.json) from schema/source/. Run after editing a source:
//   node --import tsx schema/scripts/generate-schemas.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocumentSchemas } from '../source/documents';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [fileName, text] of renderDocumentSchemas()) {
  writeFileSync(join(schemaDir, fileName), text);
  console.log(`wrote schema/${fileName}`);
}
