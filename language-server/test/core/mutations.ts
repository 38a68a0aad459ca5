/**
 * One mistake, one finding: takes a document without errors or warnings and makes one mistake in it at a time
 * (a wrong enum value, a value of the wrong type, a typo in a key the schema declares, a required key removed),
 * then lints it. What the mutation adds must be exactly one finding, at the mutated place, in plain words.
 * Used by oneFinding.test.ts; `npx tsx language-server/test/core/mutations.ts` prints every failure.
 */
import { documentSchemas } from '@marathon-devtools/schema';
import { createSchemaStore, fieldInfo, propertiesOf, schemasAtPath, type SchemaNode } from '../../src/model/schemaNavigator';
import { joinPointer } from '../../src/model/documentModel';
import { lint, type Diagnostic, type DocumentKind, type Profile } from '../../src/index';

export type MutationKind = 'enum' | 'type' | 'typo' | 'missing';

export interface Mutation {
  kind: MutationKind;
  /** Where the one finding must be: the value (enum, type), the misspelt key, or the object missing a key. */
  pointer: string;
  text: string;
  what: string;
}

/** Words of a validator, not of Marathon: no message may contain them. */
export const jargon = /boolean schema is false|must match a schema|is undefined on object|anyOf|oneOf|allOf|\$ref|additionalProperties|instancePath|must be equal to one of the allowed values|fails the schema keyword/;

const store = createSchemaStore(Object.fromEntries(Object.values(documentSchemas).map((s) => [String((s as { $id?: string }).$id ?? ''), s as SchemaNode])));
/** Required by every object form at this place (in a union, dropping a key one form needs may leave another valid form). */
const required = (nodes: SchemaNode[], key: string) => {
  const forms = nodes.filter((n) => n.type === 'object' || n.properties !== undefined);
  return forms.length > 0 && forms.every((n) => Array.isArray(n.required) && n.required.includes(key));
};

/** Deterministic pseudo-random numbers (mulberry32), so a failure reproduces. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

function at(root: unknown, path: (string | number)[]): unknown {
  let v: unknown = root;
  for (const seg of path) v = (v as Record<string | number, unknown>)[seg];
  return v;
}

/** Renames a key in place, keeping the key order (a typo does not move the line). */
function renameKey(obj: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) out[k === from ? to : k] = v;
  return out;
}

/** "hostPath" → "hostPaath": one letter doubled in the middle, one edit away, as fingers slip. */
function typo(key: string): string {
  const i = Math.max(1, Math.floor(key.length / 2));
  return key.slice(0, i) + key.charAt(i - 1) + key.slice(i);
}

/** Every candidate mutation of the document (the caller samples them). */
export function mutationsOf(doc: unknown, kind: DocumentKind): Mutation[] {
  if (kind === 'unknown') return [];
  const schema = documentSchemas[kind] as SchemaNode;
  const out: Mutation[] = [];
  const pointerOf = (path: (string | number)[]) => joinPointer('', ...path);
  const edit = (path: (string | number)[], change: (parent: Record<string | number, unknown>, last: string | number) => void): string => {
    const copy = clone(doc) as Record<string | number, unknown>;
    if (path.length === 0) return JSON.stringify(copy, null, 2);
    const parent = at(copy, path.slice(0, -1)) as Record<string | number, unknown>;
    change(parent, path[path.length - 1]);
    return JSON.stringify(copy, null, 2);
  };
  const walk = (value: unknown, path: (string | number)[]): void => {
    const nodes = schemasAtPath(schema, path, store);
    if (nodes.length === 0) return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (typeof value === 'object' && value !== null) {
      const declared = propertiesOf(nodes);
      // In an open map (options, env, labels) any key is legal, so a typo there is not a mistake anyone can see.
      const open = nodes.some((n) => n.additionalProperties !== undefined && n.additionalProperties !== false);
      for (const [key, child] of Object.entries(value)) {
        const childPath = [...path, key];
        if (declared.has(key)) {
          const misspelt = typo(key);
          // A null value means absent (schema/source/nullAbsent.ts): misspelling such a key changes nothing.
          if (!open && child !== null && !(misspelt in value) && path.length > 0) {
            const text = edit(path, (parent, last) => {
              parent[last] = renameKey(parent[last] as Record<string, unknown>, key, misspelt);
            });
            out.push({ kind: 'typo', pointer: joinPointer(pointerOf(path), misspelt), text, what: `"${key}" misspelt "${misspelt}" at ${pointerOf(path)}` });
          }
          if (required(nodes, key)) {
            const text = edit(childPath, (parent, last) => {
              delete parent[last];
            });
            out.push({ kind: 'missing', pointer: pointerOf(path), text, what: `required "${key}" removed from ${pointerOf(path) || 'the document'}` });
          }
        }
        walk(child, childPath);
      }
      return;
    }
    if (path.length === 0) return;
    const info = fieldInfo(nodes);
    const pointer = pointerOf(path);
    const set = (v: unknown) => edit(path, (parent, last) => {
      parent[last] = v;
    });
    if (typeof value === 'string' && info.enumValues.length > 0) {
      out.push({ kind: 'enum', pointer, text: set('BOGUS'), what: `${pointer}: enum value "${value}" → "BOGUS"` });
    }
    const types = info.types;
    if (types.length === 0) return;
    if (typeof value === 'string' && !types.includes('number') && !types.includes('integer')) out.push({ kind: 'type', pointer, text: set(12345), what: `${pointer}: string → 12345` });
    else if (typeof value === 'number' && !types.includes('string')) out.push({ kind: 'type', pointer, text: set('twelve'), what: `${pointer}: number → "twelve"` });
    else if (typeof value === 'boolean' && !types.includes('string')) out.push({ kind: 'type', pointer, text: set('yes'), what: `${pointer}: boolean → "yes"` });
  };
  walk(doc, []);
  return out;
}

export interface Source {
  name: string;
  text: string;
  profile: Profile;
}

export interface Failure {
  source: string;
  mutation: string;
  problem: string;
}

const counted = (d: Diagnostic) => d.severity === 'error' || d.severity === 'warning';
const sig = (d: Diagnostic) => `${d.ruleId}\u0000${d.pointer}\u0000${d.message}`;

/**
 * Checks up to `perDocument` sampled mutations of each source that lints clean (no error or warning).
 * Returns the failures and how many mutations were checked.
 */
export function checkMutations(sources: readonly Source[], perDocument: number, seed = 14): { checked: number; failures: Failure[] } {
  const random = rng(seed);
  const failures: Failure[] = [];
  let checked = 0;
  for (const s of sources) {
    const base = lint(s.text, { profile: s.profile });
    if (base.kind === 'unknown' || base.diagnostics.some(counted)) continue;
    const before = new Set(base.diagnostics.map(sig));
    const all = mutationsOf(JSON.parse(s.text), base.kind);
    const picked = all.length <= perDocument ? all : Array.from({ length: perDocument }, () => all[Math.floor(random() * all.length)]);
    for (const m of picked) {
      checked++;
      const added = lint(m.text, { profile: s.profile, kind: base.kind }).diagnostics.filter((d) => counted(d) && !before.has(sig(d)));
      const fail = (problem: string) => failures.push({ source: s.name, mutation: m.what, problem });
      const shown = added.map((d) => `${d.ruleId} ${d.pointer}: ${d.message}`).join('\n      ');
      if (added.length !== 1) fail(`${added.length} findings, expected 1${added.length ? `:\n      ${shown}` : ''}`);
      else if (added[0].pointer !== m.pointer) fail(`the finding is at ${added[0].pointer || '(root)'}, expected ${m.pointer || '(root)'}: ${shown}`);
      for (const d of added) if (jargon.test(d.message)) fail(`validator jargon: ${d.message}`);
    }
  }
  return { checked, failures };
}
