/**
 * Agent attributes as Marathon reads them when a name repeats. An agent started with the same attribute name twice
 * (`--attributes='rack:r1;rack:r2'`) is written by the master as an `attributes` object with a repeated key;
 * JSON.parse keeps the last, while offers keep every entry and Marathon's constraint check takes the first
 * (`offer.getAttributesList.asScala.find(_.getName == field)` in Constraints.scala; mesos-master-api.md §3).
 * This scans the `/master/slaves` text once (jsonc-parser's visitor, no tree) and returns, for the agents whose
 * attributes repeat a name, the object with each name's first value, to put in place of JSON.parse's.
 */
import { visit } from 'jsonc-parser';

/** Key `slaves/3` or `recovered_slaves/0` → that agent's attributes, first value per name, in first-seen order. */
export type FirstAttributes = Map<string, Record<string, unknown>>;

/** The only lists whose agents placement reads (mesos-master-api.md §2). */
const LISTS = new Set(['slaves', 'recovered_slaves']);

/** A value that is no literal (an object or array): Mesos never writes one; kept so the shape check names it. */
const NOT_LITERAL = Symbol('not a literal');

export function firstAttributes(text: string): FirstAttributes {
  const out: FirstAttributes = new Map();
  let depth = 0;
  /** Depth of the properties of the attributes object being read, -1 outside one. */
  let attrsDepth = -1;
  let where = '';
  let entries: [string, unknown][] = [];
  let key: string | undefined;
  /** The last property name seen at any depth: the path is asked for only under a property named `attributes`. */
  let lastProperty = '';
  const take = (value: unknown) => {
    if (depth === attrsDepth && key !== undefined) entries.push([key, value]);
    key = undefined;
  };
  const begin = (pathSupplier: () => (string | number)[], isObject: boolean) => {
    take(NOT_LITERAL);
    depth++;
    // Root object (1), list (2), agent (3), attributes (4): depth has just been counted up.
    if (attrsDepth !== -1 || !isObject || depth !== 4 || lastProperty !== 'attributes') return;
    const p = pathSupplier();
    if (p.length === 3 && LISTS.has(p[0] as string) && typeof p[1] === 'number' && p[2] === 'attributes') {
      attrsDepth = depth;
      where = `${p[0]}/${p[1]}`;
      entries = [];
    }
  };
  const end = () => {
    if (depth === attrsDepth) {
      attrsDepth = -1;
      const names = new Set(entries.map(([k]) => k));
      if (names.size < entries.length) {
        const first: Record<string, unknown> = {};
        // defineProperty: a name such as `__proto__` is an own key, as JSON.parse makes it, not the prototype.
        for (const [k, v] of entries) if (!Object.prototype.hasOwnProperty.call(first, k)) Object.defineProperty(first, k, { value: v === NOT_LITERAL ? {} : v, enumerable: true, writable: true, configurable: true });
        out.set(where, first);
      }
    }
    depth--;
  };
  visit(
    text,
    {
      onObjectBegin: (_o, _l, _sl, _sc, pathSupplier) => begin(pathSupplier, true),
      onArrayBegin: (_o, _l, _sl, _sc, pathSupplier) => begin(pathSupplier, false),
      onObjectEnd: end,
      onArrayEnd: end,
      onObjectProperty: (property) => {
        lastProperty = property;
        if (depth === attrsDepth) key = property;
      },
      onLiteralValue: (value) => take(value),
    },
    { disallowComments: true },
  );
  return out;
}
