/**
 * Views of a document that many rules share (every external volume, the dvdi apps, an app's constraints, …),
 * computed once per lint run instead of once per rule: with ~170 rules each re-deriving them, the
 * re-derivation, not the checks, was where linting spent its time.
 *
 * Both memos live on objects that `runRules` creates afresh for every run (the `apps` array it hands every
 * rule, and the `AppRef`s in it, whose `memo` slots hold per-app views), so a cached view never outlives its
 * document and may depend on the run's profile and kind. A returned view is shared by every caller: treat it
 * as read-only.
 */
import type { RuleContext } from '../core/rule';
import type { AppRef } from './documentModel';

/** Memoizes `compute(ctx)` for the document of one run. */
export function perDocument<T>(compute: (ctx: RuleContext) => T): (ctx: RuleContext) => T {
  const cache = new WeakMap<readonly AppRef[], { value: T }>();
  return (ctx) => {
    let hit = cache.get(ctx.apps);
    if (!hit) {
      hit = { value: compute(ctx) };
      cache.set(ctx.apps, hit);
    }
    return hit.value;
  };
}

let nextSlot = 0;

/** Memoizes `compute(appRef)` for each app of one run, in a slot of `appRef.memo` (undefined results are recomputed). */
export function perApp<T>(compute: (appRef: AppRef) => T): (appRef: AppRef) => T {
  const slot = nextSlot++;
  return (appRef) => {
    const memo = appRef.memo as unknown[];
    // Fill every slot at once: writing slot 40 of an empty array makes it sparse (a dictionary), and every
    // later lookup on every app slow; a packed array of undefined stays a plain array.
    if (memo.length < nextSlot) for (let i = memo.length; i < nextSlot; i++) memo.push(undefined);
    let value = memo[slot] as T | undefined;
    if (value === undefined) memo[slot] = value = compute(appRef);
    return value;
  };
}
