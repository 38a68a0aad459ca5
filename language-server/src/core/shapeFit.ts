/**
 * Where a bracket missing from a one-line document was meant to close, by what the document then means
 * (unclosedOpener.ts; docs/rules/syntax.md). Without line breaks no indentation says where an object ended: in
 * `{"labels":{"team":"shop","cpus":0.5}` the text parses with the '}' after "shop" or after 0.5 alike, but only the
 * first puts "cpus" where an app has it. Each place the bracket can close is tried, the repaired document is checked
 * against the schema of its kind, and the place with the fewest schema errors and undeclared keys wins; of equals,
 * the earliest opener, and for that opener its latest place (the fields that fit both stay inside). Measured on the
 * corpus, minified, one '}' deleted: the opener is right 98% of the time, against 62% for the structure alone
 * (test/core/minifiedUnclosed.test.ts). A text too long to try a few places is left to the structure, and so is one
 * that misfits its schema badly wherever the bracket closes (see `maxMisfits`).
 */
import { documentSchemas } from '@marathon-devtools/schema';
import { documentValidators } from '@marathon-devtools/schema/validators';
import { isObject } from '../model/documentModel';
import { shapeOf, type ObjectShape } from '../model/schemaProperties';
import { detectKind } from './kind';
import { firstSyntaxError } from './syntaxScan';
import type { DocumentKind } from './types';

type Schema = Record<string, unknown>;

export interface ClosePlace<F> {
  /** Where the closer goes (after the last token of the value before it). */
  at: number;
  /** The bracket it closes (the innermost still open there), and its closer. */
  frame: F;
  closer: '}' | ']';
}

/** Characters parsed and validated in all, at most: a place costs a parse and a validation of the whole text. */
const budget = 1_000_000;

/** Fewer places than this say little: the text is too long to judge by its shape (the structure alone decides). */
const fewest = 8;

/** How many places, the last before the error, are worth trying in a text this long (0: none). */
export function placesWorthTrying(textLength: number): number {
  const n = Math.floor(budget / Math.max(1, textLength));
  return n < fewest ? 0 : n;
}

/**
 * A repaired text misfitting its schema more than this stops the trial and leaves the structure to decide: so many
 * errors say little about one bracket, and a validation costs more than its characters when it finds many (a 121 kB
 * group with 6,600 wrong types: 1.1 s a validation, 8.4 s for the nine places tried; test/core/shapeFitCost.test.ts).
 */
const maxMisfits = 200;

interface Validator {
  (data: unknown): boolean;
  errors?: unknown[] | null;
}

/**
 * How many schema errors the text has as its kind, and keys its schema does not declare where it declares them all
 * (Marathon ignores those, so the schema accepts them: rule unknown-property reports them); undefined when it is not
 * JSON or no kind is recognised.
 */
function misfit(text: string): number | undefined {
  if (firstSyntaxError(text)) return undefined;
  const value: unknown = JSON.parse(text);
  const kind = detectKind(value);
  if (kind === 'unknown') return undefined;
  try {
    const schema = documentSchemas[kind] as Schema;
    return schemaErrors(kind, value) + undeclaredKeys(schema, schema, value, 0);
  } catch {
    return undefined; // a validator recurses with the value: too deep to judge
  }
}

/**
 * A batch of apps counts its elements' errors as apps, as the engine lints it (appBatch.ts): ajv reports every error
 * (schema/scripts/ajvOptions.ts), so the sum is what the batch schema's validator, which the engine does not load, counts.
 */
function schemaErrors(kind: Exclude<DocumentKind, 'unknown'>, value: unknown): number {
  if (kind === 'apps') {
    if (!Array.isArray(value)) return 1;
    let n = 0;
    for (const element of value) n += schemaErrors('app', element);
    return n;
  }
  const validate = documentValidators[kind] as Validator;
  return validate(value) ? 0 : (validate.errors?.length ?? 1);
}

const shapes = new WeakMap<Schema, ObjectShape>();

/** Keys of `value` (and below) that `node` does not declare, in objects that admit no others. */
function undeclaredKeys(root: Schema, node: Schema | undefined, value: unknown, depth: number): number {
  if (!node || depth > 64 || typeof value !== 'object' || value === null) return 0;
  let s = shapes.get(node);
  if (!s) shapes.set(node, (s = shapeOf(root, node)));
  let n = 0;
  if (Array.isArray(value)) {
    for (const item of value) n += undeclaredKeys(root, s.items, item, depth + 1);
    return n;
  }
  if (!isObject(value)) return 0;
  for (const key of Object.keys(value)) {
    const child = s.properties.get(key);
    if (child) n += undeclaredKeys(root, child, value[key], depth + 1);
    else if (s.open) n += undeclaredKeys(root, s.additional, value[key], depth + 1);
    else if (!s.forbidden.has(key)) n++;
  }
  return n;
}

/**
 * The place, of `places` (in text order, each inside the frame it closes), where closing makes the document fit
 * its schema best; undefined when none repairs the document whole or its kind has no schema. Frames are told apart
 * by identity (the caller keeps one object per bracket).
 */
export function fittestClose<F>(text: string, places: ClosePlace<F>[]): ClosePlace<F> | undefined {
  const n = placesWorthTrying(text.length);
  if (n === 0) return undefined;
  const tried = places.slice(-n);
  let best: { place: ClosePlace<F>; score: number; k: number } | undefined;
  for (let k = 0; k < tried.length; k++) {
    const place = tried[k];
    const score = misfit(text.slice(0, place.at) + place.closer + text.slice(place.at));
    if (score === undefined) continue;
    if (score > maxMisfits) return undefined;
    if (!best || score < best.score || (score === best.score && place.frame === best.place.frame)) best = { place, score, k };
  }
  if (!best) return undefined;
  // Closing before a closer of the same kind or right after it is one repair: the later reads every closer as written.
  let k = best.k;
  while (k + 1 < tried.length && sameRepair(text, tried[k], tried[k + 1])) k++;
  return tried[k];
}

/** Places `a` before `b` with only closers of their kind (and blanks) between: the repaired texts read alike. */
function sameRepair<F>(text: string, a: ClosePlace<F>, b: ClosePlace<F>): boolean {
  if (a.closer !== b.closer) return false;
  for (let i = a.at; i < b.at; i++) if (text[i] !== a.closer && !/\s/.test(text[i])) return false;
  return true;
}
