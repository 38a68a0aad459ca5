/**
 * The entries of an app's `constraints` ([field, OPERATOR, value?]) that are arrays of strings; other shapes
 * are the schema rule's concern. `op` is upper-cased for matching, as Marathon's validation does.
 */
import type { AppRef } from '../documentModel';
import { perApp } from '../perDocument';

export interface ConstraintRef {
  pointer: string;
  length: number;
  field: string;
  /** As written. */
  rawOp: string;
  op: string;
  value: string | undefined;
}

export const operatorsFor = (atLeast: (v: string) => boolean): string[] =>
  ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', ...(atLeast('1.6') ? ['IS'] : [])];

/** Once per app and run (shared: read-only); ten rules ask. */
export const constraintsOf = perApp((ref: AppRef): readonly ConstraintRef[] => {
  const list = ref.app.constraints;
  if (!Array.isArray(list)) return none;
  const out: ConstraintRef[] = [];
  // Indexed, without callbacks or destructuring: this runs once per app, mostly as cold code (core/rule.ts).
  for (let i = 0; i < list.length; i++) {
    const c: unknown = list[i];
    if (!Array.isArray(c) || !allStrings(c)) continue;
    const rawOp: string = c.length > 1 ? c[1] : '';
    out.push({ pointer: ref.pointer + '/constraints/' + i, length: c.length, field: c.length > 0 ? c[0] : '', rawOp, op: rawOp.toUpperCase(), value: c[2] });
  }
  return out;
});

function allStrings(xs: unknown[]): xs is string[] {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'string') return false;
  return true;
}

const none: readonly ConstraintRef[] = [];

/** Whole 32-bit integer as Scala's `String.toInt` accepts it. */
export function isScalaInt(v: string): boolean {
  return /^[+-]?\d+$/.test(v) && Math.abs(Number(v)) <= 2147483647;
}
