import appSchema from '@marathon-devtools/schema/marathon-app.schema.json';
import groupSchema from '@marathon-devtools/schema/marathon-group.schema.json';
import podSchema from '@marathon-devtools/schema/marathon-pod.schema.json';
import chronosSchema from '@marathon-devtools/schema/chronos-job.schema.json';
import type { Rule, RuleContext } from '../../core/rule';
import { isObject, joinPointer, type JsonObject } from '../../model/documentModel';
import type { DocumentKind } from '../../core/types';
import { readerOf, type Reader } from '../../core/kind';
import { nearestName } from '../../model/nearest';
import { acceptsTypeOf, shapeOf, type ObjectShape } from '../../model/schemaProperties';
import { quoted } from '../../model/quoted';

type Schema = Record<string, unknown>;
const schemas: Partial<Record<DocumentKind, Schema>> = { app: appSchema as Schema, group: groupSchema as Schema, pod: podSchema as Schema, 'chronos-job': chronosSchema as Schema };

/**
 * A schema node's shape, with its children's shapes resolved. Computed once per schema node (the schemas are
 * module constants), not once per document object: re-resolving `$ref`s and merging branches for every
 * object of every app was this rule's whole cost.
 */
interface Shape {
  shape: ObjectShape;
  /** Closed objects (declared properties, no free keys) are reachable from here; otherwise skip the subtree. */
  mayReport: boolean;
  /** Declared property → its value's shape, or null when nothing under that property can be unknown. */
  props: Map<string, Shape | null> | undefined;
  /** The shape of values under undeclared keys of an open map / of array items; null when nothing to visit. */
  additional: Shape | null | undefined;
  items: Shape | null | undefined;
}

const shapes = new WeakMap<Schema, Shape>();

function shapeFor(root: Schema, node: Schema): Shape {
  let shape = shapes.get(node);
  if (!shape) {
    shape = { shape: shapeOf(root, node), mayReport: true, props: undefined, additional: undefined, items: undefined };
    shapes.set(node, shape);
    shape.mayReport = closedReachable(root, node);
  }
  return shape;
}

/** Breadth-first over the schema graph (it is cyclic: groups hold groups), without reading the document. */
function closedReachable(root: Schema, start: Schema): boolean {
  const seen = new Set<Schema>([start]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const s = shapeOf(root, queue[i]);
    if (!s.open) return true;
    const next = [...s.properties.values()];
    if (s.additional) next.push(s.additional);
    if (s.items) next.push(s.items);
    for (const n of next) if (!seen.has(n)) seen.add(n), queue.push(n);
  }
  return false;
}

/** The shape to descend into, or null when the subtree cannot hold an unknown field. */
function visitable(root: Schema, node: Schema | undefined): Shape | null {
  if (!node) return null;
  const s = shapeFor(root, node);
  return s.mayReport ? s : null;
}

/** Resolves a shape's children on first use (lazily: the schema graph is cyclic). */
function props(root: Schema, s: Shape): Map<string, Shape | null> {
  if (!s.props) {
    s.props = new Map();
    for (const [k, v] of s.shape.properties) s.props.set(k, visitable(root, v));
    s.additional = s.shape.open ? visitable(root, s.shape.additional) : null;
    s.items = visitable(root, s.shape.items);
  }
  return s.props;
}

/**
 * The walk recurses (a function called once per object is optimised, where one long loop in a run without
 * on-stack replacement stays interpreted, docs/performance.md) and keeps the path in one array, so no frame is
 * allocated per node. Below this depth a subtree is set aside and walked afresh: groups nest without limit.
 */
const maxRecursion = 64;

/** One walk over one document: the path of the value being visited, and subtrees set aside for depth. */
interface Walk {
  ctx: RuleContext;
  schema: Schema;
  reader: Reader;
  path: (string | number)[];
  deferred: { value: unknown; shape: Shape; path: (string | number)[] }[];
}

// Keys are quoted as JSON writes them: a key may hold a quote, a backslash or a newline.
/** Whose fields a key is checked against: the document's, or the enclosing object's ("container", "volumes[0]"). */
function fieldsOf(kind: DocumentKind, path: readonly (string | number)[]): string {
  if (path.length === 0) return `of ${kind === 'app' ? 'an' : 'a'} ${kind}`;
  const last = path[path.length - 1];
  return typeof last === 'number' ? `of an item of ${quoted(String(path.length > 1 ? path[path.length - 2] : last))}` : `of ${quoted(String(last))}`;
}

const needsVisit = (v: unknown): boolean => typeof v === 'object' && v !== null;

/** An app inside a group is checked against (and named as) the fields of an app, not of "an item of apps". */
function isGroupApp(ctx: RuleContext, path: readonly (string | number)[]): boolean {
  if (ctx.kind !== 'group' || typeof path[path.length - 1] !== 'number') return false;
  const pointer = joinPointer('', ...path);
  for (let ai = 0; ai < ctx.apps.length; ai++) if (ctx.apps[ai].pointer === pointer) return true;
  return false;
}

/**
 * Reports the object's unknown keys in key order, then visits its children last key first: the order of the
 * stack walk this replaced, so findings keep their order.
 */
function visit(w: Walk, value: unknown, shape: Shape, depth: number): void {
  if (depth > maxRecursion) {
    w.deferred.push({ value, shape, path: w.path.slice() });
    return;
  }
  if (Array.isArray(value)) {
    const items = shape.items;
    if (!items) return;
    props(w.schema, items);
    for (let i = value.length - 1; i >= 0; i--) {
      if (!needsVisit(value[i])) continue;
      w.path.push(i);
      visit(w, value[i], items, depth + 1);
      w.path.pop();
    }
    return;
  }
  if (!isObject(value)) return;
  const known = shape.props!;
  const open = shape.shape.open;
  const keys = Object.keys(value);
  for (let k = 0; k < keys.length; k++) {
    const key = keys[k];
    if (known.has(key) || open || shape.shape.forbidden.has(key)) continue; // forbidden: the schema rejects it, not ignored
    if (key === '$schema' && w.path.length === 0 && typeof value[key] === 'string') continue; // names the schema for editors and this linter (core/kind.ts)
    report(w, value, shape.shape, key);
  }
  for (let k = keys.length - 1; k >= 0; k--) {
    const key = keys[k];
    const child = value[key];
    if (!needsVisit(child)) continue;
    const childShape = known.get(key);
    const next = childShape === undefined ? (open ? shape.additional : null) : childShape;
    if (!next) continue;
    props(w.schema, next);
    w.path.push(key);
    visit(w, child, next, depth + 1);
    w.path.pop();
  }
}

function report(w: Walk, value: JsonObject, shape: ObjectShape, key: string): void {
  const { ctx, reader, path } = w;
  const suggestion = nearestName(key, shape.properties.keys());
  const keyPointer = joinPointer('', ...path, key);
  // Only a rename the value fits: "network": "BRIDGE" renamed to "networks" (an array) would turn an ignored field into a rejected one.
  const canRename = suggestion !== undefined && !(suggestion in value) && acceptsTypeOf(w.schema, shape.properties.get(suggestion)!, value[key]);
  ctx.report({
    pointer: keyPointer,
    target: 'key',
    ...(canRename ? { misspelling: suggestion } : {}),
    message:
      `${reader} does not know the field ${quoted(key)} and silently ignores it, so its setting has no effect. ` +
      (suggestion ? `Did you mean ${quoted(suggestion)}?` : `Remove it, or check the spelling against the fields ${isGroupApp(ctx, path) ? 'of an app' : fieldsOf(ctx.kind, path)} in ${reader === 'Chronos' ? 'Chronos' : `Marathon ${ctx.profile.marathonVersion}`}.`),
    fix: canRename
      ? {
          title: `Rename ${quoted(key)} to ${quoted(suggestion)}`,
          edits: [{ op: 'rename', pointer: keyPointer, to: suggestion }],
        }
      : suggestion === undefined
        ? { title: `Remove ${quoted(key)}`, edits: [{ op: 'remove', pointer: keyPointer }] }
        : undefined,
  });
}

export const unknownProperty: Rule = {
  id: 'unknown-property',
  severity: 'warning',
  kinds: ['app', 'group', 'pod', 'chronos-job'],
  summary: 'A field that Marathon does not know, and therefore silently ignores (often a typo such as "heathChecks").',
  fixable: true,
  check(ctx) {
    const schema = schemas[ctx.kind];
    if (!schema) return;
    const rootShape = shapeFor(schema, schema);
    props(schema, rootShape);
    const w: Walk = { ctx, schema, reader: readerOf(ctx.kind), path: [], deferred: [] };
    visit(w, ctx.root, rootShape, 0);
    while (w.deferred.length > 0) {
      const { value, shape, path } = w.deferred.pop()!;
      w.path = path;
      visit(w, value, shape, 0);
    }
  },
};
