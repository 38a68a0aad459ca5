/**
 * The entries of an app's `constraints` ([field, OPERATOR, value?]) that are arrays of strings; other shapes
 * are the schema rule's concern. `op` is upper-cased for matching, as Marathon's validation does.
 * A pod's constraints are objects ({fieldName, operator, value?}, model/pod/podConstraints.ts) that Marathon checks
 * with the same `complyWithConstraintRules` (SchedulingValidation.scala, 1.5+; PodsValidation.scala in 1.4), so they
 * are read into the same `ConstraintRef`; `shape` says how to point into one and how to write one in a message.
 */
import type { AppRef } from '../documentModel';
import { joinPointer } from '../documentModel';
import { perApp } from '../perDocument';
import { quoted } from '../quoted';

export interface ConstraintRef {
  pointer: string;
  /** 'array' for an app's [field, OPERATOR, value?], 'object' for a pod's {fieldName, operator, value?}. */
  shape: 'array' | 'object';
  /** Array entries; 2 or 3 for a pod's (without or with a value). */
  length: number;
  field: string;
  /** As written. */
  rawOp: string;
  op: string;
  value: string | undefined;
}

export const operatorsFor = (atLeast: (v: string) => boolean): string[] =>
  ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', ...(atLeast('1.6') ? ['IS'] : [])];

const partKeys = { field: ['0', 'fieldName'], operator: ['1', 'operator'], value: ['2', 'value'] } as const;

/** Pointer of one part of the constraint: `/2` of an app's array, `/value` of a pod's object. */
export function constraintPart(c: ConstraintRef, part: keyof typeof partKeys): string {
  return joinPointer(c.pointer, partKeys[part][c.shape === 'array' ? 0 : 1]);
}

/** A constraint of the same shape as `c`, for a message: `["rack", "LIKE", "rack-1"]` or `{"fieldName": "rack", …}`. */
export function constraintExample(c: ConstraintRef, op: string, value?: string): string {
  if (c.shape === 'array') return `[${quoted(c.field)}, "${op}"${value === undefined ? '' : `, ${quoted(value)}`}]`;
  return `{"fieldName": ${quoted(c.field)}, "operator": "${op}"${value === undefined ? '' : `, "value": ${quoted(value)}`}}`;
}

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
    out.push({ pointer: ref.pointer + '/constraints/' + i, shape: 'array', length: c.length, field: c.length > 0 ? c[0] : '', rawOp, op: rawOp.toUpperCase(), value: c[2] });
  }
  return out;
});

function allStrings(xs: unknown[]): xs is string[] {
  for (let i = 0; i < xs.length; i++) if (typeof xs[i] !== 'string') return false;
  return true;
}

const none: readonly ConstraintRef[] = [];
