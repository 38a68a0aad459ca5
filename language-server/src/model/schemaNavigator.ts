/**
 * Walks a JSON Schema (draft-07 subset: $ref, allOf/anyOf/oneOf, properties, patternProperties,
 * additionalProperties, items) down to the schema nodes that describe the value at a JSON path.
 * Completion and hover both start here, so the schema stays the single source of field knowledge.
 */
/** A path into a JSON document: keys and array indexes (the same shape as features/jsonTree's JsonPath). */
type JsonPath = (string | number)[];

export type SchemaNode = { [key: string]: any };
export type Schema = SchemaNode | boolean;

/** Schemas by file name (`marathon-app.schema.json`) and by `$id`, for cross-file `$ref`s. */
export interface SchemaStore {
  get(idOrFile: string): SchemaNode | undefined;
}

export function createSchemaStore(schemas: Record<string, SchemaNode>): SchemaStore {
  const byKey = new Map<string, SchemaNode>();
  for (const [file, s] of Object.entries(schemas)) {
    byKey.set(file, s);
    if (typeof s.$id === 'string') {
      byKey.set(s.$id, s);
      byKey.set(s.$id.split('/').pop()!, s);
    }
  }
  return { get: (k) => byKey.get(k) };
}

interface Located {
  node: SchemaNode;
  /** The document the node lives in, for resolving its local `#/...` refs. */
  doc: SchemaNode;
}

const MAX_REF_HOPS = 32; // guards against ref cycles (a schema referring to itself)

function resolvePointer(doc: SchemaNode, fragment: string): SchemaNode | undefined {
  let n: any = doc;
  for (const raw of fragment.split('/').filter(Boolean)) {
    const tok = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    n = n?.[tok];
  }
  return typeof n === 'object' && n !== null ? n : undefined;
}

function deref(loc: Located, store: SchemaStore): Located | undefined {
  let cur: Located | undefined = loc;
  for (let hops = 0; cur && typeof cur.node.$ref === 'string' && hops < MAX_REF_HOPS; hops++) {
    const [file, fragment = '']: string[] = String(cur.node.$ref).split('#');
    const doc: SchemaNode | undefined = file ? (store.get(file) ?? store.get(file.split('/').pop()!)) : cur.doc;
    if (!doc) return undefined;
    const node = resolvePointer(doc, fragment);
    cur = node ? { node, doc } : undefined;
  }
  return cur;
}

/** Flattens a node into itself plus every allOf/anyOf/oneOf branch (refs resolved). */
function expand(loc: Located, store: SchemaStore, out: Located[], seen = new Set<SchemaNode>()): void {
  const work: Located[] = [loc];
  while (work.length > 0) {
    const d = deref(work.pop()!, store);
    if (!d || seen.has(d.node)) continue;
    seen.add(d.node);
    out.push(d);
    for (const key of ['allOf', 'anyOf', 'oneOf', 'then', 'else']) {
      const branches = d.node[key];
      const list = Array.isArray(branches) ? branches : branches && typeof branches === 'object' ? [branches] : [];
      for (let i = list.length - 1; i >= 0; i--) if (typeof list[i] === 'object') work.push({ node: list[i], doc: d.doc });
    }
  }
}

function childSchemas(loc: Located, seg: string | number): Located[] {
  const n = loc.node;
  const out: Located[] = [];
  if (typeof seg === 'number') {
    if (Array.isArray(n.items)) {
      const s = n.items[seg] ?? n.additionalItems;
      if (s && typeof s === 'object') out.push({ node: s, doc: loc.doc });
    } else if (n.items && typeof n.items === 'object') out.push({ node: n.items, doc: loc.doc });
    return out;
  }
  if (n.properties && typeof n.properties[seg] === 'object') out.push({ node: n.properties[seg], doc: loc.doc });
  if (n.patternProperties) {
    for (const [pattern, s] of Object.entries(n.patternProperties)) {
      if (typeof s === 'object' && safeTest(pattern, seg)) out.push({ node: s as SchemaNode, doc: loc.doc });
    }
  }
  if (out.length === 0 && n.additionalProperties && typeof n.additionalProperties === 'object') {
    out.push({ node: n.additionalProperties, doc: loc.doc });
  }
  return out;
}

function safeTest(pattern: string, s: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(s);
  } catch {
    return false;
  }
}

/** Every schema node (flattened over combinators) that applies to the value at `path` under `root`. */
export function schemasAtPath(root: SchemaNode, path: JsonPath, store: SchemaStore): SchemaNode[] {
  let current: Located[] = [];
  expand({ node: root, doc: root }, store, current);
  for (const seg of path) {
    const next: Located[] = [];
    const seen = new Set<SchemaNode>();
    for (const loc of current) for (const child of childSchemas(loc, seg)) expand(child, store, next, seen);
    current = next;
    if (current.length === 0) break;
  }
  return current.map((l) => l.node);
}

/** Property schemas offered by the nodes (first definition of a name wins, in schema order). */
export function propertiesOf(nodes: SchemaNode[]): Map<string, SchemaNode> {
  const props = new Map<string, SchemaNode>();
  for (const n of nodes) {
    if (n.properties && typeof n.properties === 'object') {
      for (const [k, v] of Object.entries(n.properties)) if (!props.has(k) && typeof v === 'object') props.set(k, v as SchemaNode);
    }
  }
  return props;
}

/** Merges what hover and value completion need from a set of nodes: description, type, default, enum. */
export interface FieldInfo {
  description?: string;
  title?: string;
  types: string[];
  default?: unknown;
  hasDefault: boolean;
  enumValues: unknown[];
  examples: unknown[];
  deprecated?: boolean;
}

export function fieldInfo(nodes: SchemaNode[]): FieldInfo {
  const info: FieldInfo = { types: [], enumValues: [], examples: [], hasDefault: false };
  for (const n of nodes) {
    info.description ??= typeof n.markdownDescription === 'string' ? n.markdownDescription : typeof n.description === 'string' ? n.description : undefined;
    info.title ??= typeof n.title === 'string' ? n.title : undefined;
    const types = Array.isArray(n.type) ? n.type : typeof n.type === 'string' ? [n.type] : [];
    for (const t of types) if (!info.types.includes(t)) info.types.push(t);
    if (!info.hasDefault && 'default' in n) {
      info.default = n.default;
      info.hasDefault = true;
    }
    if (Array.isArray(n.enum)) for (const v of n.enum) if (!info.enumValues.some((e) => e === v)) info.enumValues.push(v);
    if ('const' in n && !info.enumValues.includes(n.const)) info.enumValues.push(n.const);
    if (Array.isArray(n.examples)) info.examples.push(...n.examples);
    if (n.deprecated === true) info.deprecated = true;
  }
  // Optional Marathon fields also accept `null` (= absent, schema/source/nullAbsent.ts); that is no type to offer.
  if (info.types.length > 1) info.types = info.types.filter((t) => t !== 'null');
  return info;
}
