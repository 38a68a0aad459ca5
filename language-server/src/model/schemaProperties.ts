/**
 * Which property names a JSON Schema node declares, following `$ref` (local `#/definitions/…`) and the
 * branches of allOf/anyOf/oneOf. Used to spot fields Marathon would silently ignore.
 */
type Schema = Record<string, unknown>;

const isSchema = (v: unknown): v is Schema => typeof v === 'object' && v !== null && !Array.isArray(v);

export interface ObjectShape {
  /** Declared property name → its schema (first declaration wins). */
  properties: Map<string, Schema>;
  /** True when other keys are legitimate (free maps such as labels/env, or `additionalProperties: {schema}`). */
  open: boolean;
  /** Schema for values under undeclared keys, when the object is a map. */
  additional: Schema | undefined;
  /** Schema for array items, when the node describes an array. */
  items: Schema | undefined;
  /** Names a branch forbids (`"external": false` in a pod volume): known, and the schema's business, not unknown. */
  forbidden: Set<string>;
}

function resolveRef(root: Schema, node: Schema): Schema {
  let n = node;
  for (let guard = 0; typeof n.$ref === 'string' && guard < 32; guard++) {
    const path = n.$ref.replace(/^#\//, '').split('/');
    let target: unknown = root;
    for (const p of path) target = isSchema(target) ? target[p] : undefined;
    if (!isSchema(target)) break;
    n = target;
  }
  return n;
}

export function shapeOf(root: Schema, node: Schema): ObjectShape {
  const shape: ObjectShape = { properties: new Map(), open: false, additional: undefined, items: undefined, forbidden: new Set() };
  let sawProperties = false;
  const pending = [node];
  for (let guard = 0; pending.length > 0 && guard < 256; guard++) {
    const n = resolveRef(root, pending.shift()!);
    if (isSchema(n.properties)) {
      sawProperties = true;
      for (const [k, v] of Object.entries(n.properties)) {
        if (isSchema(v) && !shape.properties.has(k)) shape.properties.set(k, v);
        else if (v === false) shape.forbidden.add(k);
      }
    }
    if (isSchema(n.additionalProperties)) {
      shape.open = true;
      shape.additional ??= n.additionalProperties;
    }
    if (isSchema(n.patternProperties)) shape.open = true;
    if (isSchema(n.items)) shape.items ??= n.items;
    for (const key of ['allOf', 'anyOf', 'oneOf']) {
      const branches = n[key];
      if (Array.isArray(branches)) for (const b of branches) if (isSchema(b)) pending.push(b);
    }
  }
  // An object schema without any `properties` is a free-form map: nothing to call unknown.
  if (!sawProperties) shape.open = true;
  return shape;
}

/** The schema `type` names a JSON value has (an integer is a number too). */
function jsonTypesOf(v: unknown): string[] {
  if (v === null) return ['null'];
  if (Array.isArray(v)) return ['array'];
  if (typeof v === 'number') return Number.isInteger(v) ? ['integer', 'number'] : ['number'];
  return [typeof v];
}

/**
 * Whether a value of this JSON type may stand where `node` is (following `$ref` and the branches of
 * allOf/anyOf/oneOf): false only when every branch declares a `type` and none is the value's.
 */
export function acceptsTypeOf(root: Schema, node: Schema, value: unknown): boolean {
  const types = jsonTypesOf(value);
  const pending = [node];
  for (let guard = 0; pending.length > 0 && guard < 256; guard++) {
    const n = resolveRef(root, pending.shift()!);
    const declared = typeof n.type === 'string' ? [n.type] : Array.isArray(n.type) ? n.type : undefined;
    if (declared) {
      if (types.some((t) => declared.includes(t))) return true;
      continue;
    }
    const branches = ['allOf', 'anyOf', 'oneOf'].flatMap((k) => (Array.isArray(n[k]) ? (n[k] as unknown[]).filter(isSchema) : []));
    if (branches.length === 0) return true; // a branch that says no type takes any
    pending.push(...branches);
  }
  return false;
}
