// Renders the TypeScript types of every published schema with json-schema-to-typescript. Shared by the
// generator script (writes them) and the staleness test (compares them with the committed files).
import { compile, type JSONSchema } from 'json-schema-to-typescript';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { documentSources } from '../source/documents';

export const schemaDir = join(dirname(fileURLToPath(import.meta.url)), '..');
export const typesDir = join(schemaDir, 'src/generated');

/** Schema file → generated module name and root type name. */
export const typeTargets = [{ schema: 'dvdi-bridge-protocol.schema.json', module: 'dvdi-bridge-protocol.ts', rootName: 'DvdiBridgeProtocol' }];

/**
 * The document schemas share one pool of definitions (each published file carries a copy so it stands
 * alone); their types are generated once, from the same source, so an app inside a group or a batch is the same type.
 */
const documentRoots: Record<string, string> = { app: 'MarathonApp', appBatch: 'MarathonAppBatch', group: 'MarathonGroup', pod: 'MarathonPod', job: 'ChronosJob' };
export const documentTypesModule = 'marathon-documents.ts';

function documentTypesSchema(): JSONSchema {
  const definitions: Record<string, JSONSchema> = {};
  for (const source of documentSources) Object.assign(definitions, source.definitions as Record<string, JSONSchema>);
  for (const [key, title] of Object.entries(documentRoots)) definitions[key] = { ...definitions[key], title };
  return {
    title: 'MarathonDocument',
    description: 'Any document marathon-lint reads: a Marathon app, app batch, group or pod, or a Chronos job.',
    anyOf: Object.keys(documentRoots).map((key) => ({ $ref: `#/definitions/${key}` })),
    definitions,
  };
}

const banner = (from: string) =>
  `/* eslint-disable */\n// Generated from ${from} by schema/scripts/generateTypes.ts; do not edit.\n// Regenerate: node --import tsx schema/scripts/generateTypes.ts`;

const compileOptions = {
  cwd: schemaDir,
  declareExternallyReferenced: true,
  unreachableDefinitions: true,
  additionalProperties: true,
  strictIndexSignatures: false,
  format: true,
  style: { singleQuote: true, printWidth: 120 },
};

export async function renderTypes(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  out.set(documentTypesModule, await compile(documentTypesSchema(), 'MarathonDocument', { ...compileOptions, bannerComment: banner('schema/source/ (the definitions behind the document schemas)') }));
  for (const t of typeTargets) {
    const schema = JSON.parse(readFileSync(join(schemaDir, t.schema), 'utf8')) as JSONSchema;
    // Protocol definitions carry human titles ("volume/dryRunMount params"); name their types after the
    // definition keys instead (DryRunMountParams), the names agent-bridge's contract.ts re-exports.
    if (t.module === 'dvdi-bridge-protocol.ts') for (const def of Object.values(schema.definitions ?? {})) delete (def as JSONSchema).title;
    // Titles name the root; definitions without a title are named after their key.
    // Bounds on arrays (`maxItems`) guard the wire, not the type: `engines: EngineName[]`, not a union of tuples.
    const ts = await compile({ ...schema, title: t.rootName }, t.rootName, { ...compileOptions, ignoreMinAndMaxItems: true, bannerComment: banner(`schema/${t.schema}`) });
    out.set(t.module, ts);
  }
  return out;
}
