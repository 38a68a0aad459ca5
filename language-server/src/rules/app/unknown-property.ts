import appSchema from '@marathon-devtools/schema/marathon-app.schema.json';
import groupSchema from '@marathon-devtools/schema/marathon-group.schema.json';
import podSchema from '@marathon-devtools/schema/marathon-pod.schema.json';
import chronosSchema from '@marathon-devtools/schema/chronos-job.schema.json';
import type { Rule, RuleContext } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import type { DocumentKind } from '../../core/types';
import { nearestName } from '../../core/nearest';
import { shapeOf, type ObjectShape } from '../../model/schemaProperties';

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

/** A node still to visit; the pointer is rebuilt from the parent chain only for the rare report. */
interface Frame {
  value: unknown;
  shape: Shape;
  parent: Frame | undefined;
  token: string | number;
}

function pointerOf(frame: Frame): string {
  const tokens: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent; f = f.parent) tokens.push(f.token);
  return joinPointer('', ...tokens.reverse());
}

/** Whose fields a key is checked against: the document's, or the enclosing object's ("container", "volumes[0]"). */
function fieldsOf(kind: DocumentKind, frame: Frame): string {
  if (!frame.parent) return `of ${kind === 'app' ? 'an' : 'a'} ${kind}`;
  const tokens: (string | number)[] = [];
  for (let f: Frame | undefined = frame; f?.parent && tokens.length < 2; f = f.parent) tokens.unshift(f.token);
  const last = tokens[tokens.length - 1];
  return typeof last === 'number' ? `of an item of "${String(tokens[0])}"` : `of "${String(last)}"`;
}

const needsVisit = (v: unknown): boolean => typeof v === 'object' && v !== null;

/** An app inside a group is checked against (and named as) the fields of an app, not of "an item of apps". */
function isGroupApp(ctx: RuleContext, frame: Frame): boolean {
  if (ctx.kind !== 'group' || typeof frame.token !== 'number') return false;
  const pointer = pointerOf(frame);
  for (let ai = 0; ai < ctx.apps.length; ai++) if (ctx.apps[ai].pointer === pointer) return true;
  return false;
}

export const unknownProperty: Rule = {
  id: 'unknown-property',
  severity: 'warning',
  kinds: ['app', 'group', 'pod', 'chronos-job'],
  summary: 'A field that Marathon does not know, and therefore silently ignores (often a typo such as "heathChecks").',
  fixable: true,
  check(ctx) {
    const root = schemas[ctx.kind];
    const reader = ctx.kind === 'chronos-job' ? 'Chronos' : 'Marathon';
    if (!root) return;
    // Iterative walk over document and schema together: groups nest without limit.
    const rootShape = shapeFor(root, root);
    props(root, rootShape);
    const stack: Frame[] = [{ value: ctx.root, shape: rootShape, parent: undefined, token: '' }];
    while (stack.length > 0) {
      const frame = stack.pop()!;
      const { value, shape } = frame;
      if (Array.isArray(value)) {
        const items = shape.items;
        if (!items) continue;
        props(root, items);
        for (let i = 0; i < value.length; i++) if (needsVisit(value[i])) stack.push({ value: value[i], shape: items, parent: frame, token: i });
        continue;
      }
      if (!isObject(value)) continue;
      const known = shape.props!;
      const open = shape.shape.open;
      for (const key in value) {
        const child = value[key];
        const childShape = known.get(key);
        if (childShape !== undefined || open) {
          const next = childShape === undefined ? shape.additional : childShape;
          if (next && needsVisit(child)) {
            props(root, next);
            stack.push({ value: child, shape: next, parent: frame, token: key });
          }
          continue;
        }
        if (shape.shape.forbidden.has(key)) continue; // the schema rejects it: not ignored, so not this rule's finding
        const pointer = pointerOf(frame);
        const suggestion = nearestName(key, known.keys());
        const keyPointer = joinPointer(pointer, key);
        const canRename = suggestion !== undefined && !(suggestion in value);
        ctx.report({
          pointer: keyPointer,
          target: 'key',
          ...(canRename ? { misspelling: suggestion } : {}),
          message:
            `${reader} does not know the field "${key}" and silently ignores it, so its setting has no effect. ` +
            (suggestion ? `Did you mean "${suggestion}"?` : `Remove it, or check the spelling against the fields ${isGroupApp(ctx, frame) ? 'of an app' : fieldsOf(ctx.kind, frame)} in ${reader === 'Chronos' ? 'Chronos' : `Marathon ${ctx.profile.marathonVersion}`}.`),
          fix: canRename
            ? {
                title: `Rename "${key}" to "${suggestion}"`,
                edits: [{ op: 'rename', pointer: keyPointer, to: suggestion }],
              }
            : suggestion === undefined
              ? { title: `Remove "${key}"`, edits: [{ op: 'remove', pointer: keyPointer }] }
              : undefined,
        });
      }
    }
  },
};
