// The committed generated files must match their sources: the published schemas (from schema/source/) and
// the TypeScript types (from the schemas). Regenerate with the scripts named in the failure message.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { renderTypes, schemaDir, typesDir } from '../scripts/renderTypes';
import { renderDocumentSchemas } from '../source/documents';
import { renderBridgeProtocolSchema } from '../source/protocol';

test('published schemas (documents and the bridge protocol) are up to date with schema/source/', () => {
  for (const [file, text] of [...renderDocumentSchemas(), renderBridgeProtocolSchema()]) {
    assert.equal(readFileSync(join(schemaDir, file), 'utf8'), text, `schema/${file} is stale: run node --import tsx schema/scripts/generateSchemas.ts`);
  }
});

test('generated types are up to date with the schemas', async () => {
  for (const [module, text] of await renderTypes()) {
    assert.equal(readFileSync(join(typesDir, module), 'utf8'), text, `schema/src/generated/${module} is stale: run node --import tsx schema/scripts/generateTypes.ts`);
  }
});
