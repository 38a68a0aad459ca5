// Writes the published schemas (schema/*.schema.json: the documents and the bridge protocol) from schema/source/. Run after editing a source:
//   node --import tsx schema/scripts/generateSchemas.ts
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocumentSchemas } from '../source/documents';
import { renderBridgeProtocolSchema } from '../source/protocol';

const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..');
for (const [fileName, text] of [...renderDocumentSchemas(), renderBridgeProtocolSchema()]) {
  writeFileSync(join(schemaDir, fileName), text);
  console.log(`wrote schema/${fileName}`);
}
