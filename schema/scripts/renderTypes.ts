// Renders the TypeScript types of every published schema with json-schema-to-typescript. Shared by the
// generator script (writes them) and the staleness test (compares them with the committed files).
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const typesDir = join(schemaDir, 'src/generated');

/** Schema file → generated module name and root type name. */
export const typeTargets = [
  { schema: 'marathon-app.schema.json', module: 'marathon-app.ts', rootName: 'MarathonApp' },
  { schema: 'marathon-group.schema.json', module: 'marathon-group.ts', rootName: 'MarathonGroup' },
  { schema: 'marathon-pod.schema.json', module: 'marathon-pod.ts', rootName: 'MarathonPod' },
  { schema: 'chronos-job.schema.json', module: 'chronos-job.ts', rootName: 'ChronosJob' },
  { schema: 'dvdi-bridge-protocol.schema.json', module: 'dvdi-bridge-protocol.ts', rootName: 'DvdiBridgeProtocol' },
];

const banner = (schema: string) =>
  `/* eslint-disable */\n// Generated from schema/${schema} by schema/scripts/generate-types.ts; do not edit.\n// Regenerate: node --import tsx schema/scripts/generate-types.ts`;

export async function renderTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const t of typeTargets) {
    const schema = JSON.parse(readFileSync(join(schemaDir, t.schema), 'utf8')) as JSONSchema;
    // Protocol definitions carry human titles ("volume/dryRunMount params"); name their types after the
    // definition keys instead (DryRunMountParams), matching agent-bridge's contract.ts.
    if (t.module === 'dvdi-bridge-protocol.ts') for (const def of Object.values(schema.definitions ?? {})) delete (def as JSONSchema).title;
    // Titles name the root; definitions without a title are named after their key.
    const ts = await compile({ ...schema, title: t.rootName }, t.rootName, {
      bannerComment: banner(t.schema),
      cwd: schemaDir,
      declareExternallyReferenced: true,
      unreachableDefinitions: true,
      additionalProperties: true,
      strictIndexSignatures: false,
      format: true,
      style: { singleQuote: true, printWidth: 120 },
    });
    out.set(t.module, ts);
  }
  return out;
}
