/** "Did you mean …?": the closest candidate by edit distance, for enum values, rule ids and field names. */

/**
 * Edit distance with adjacent transpositions (optimal string alignment), case-insensitive (Marathon's enums are
 * case-insensitive since 1.5): "vaule" is one edit from "value", as the most common typo, two swapped keys, should be.
 */
export function editDistance(a: string, b: string): number {
  return lowerDistance(a.toLowerCase(), b.toLowerCase(), Infinity);
}

/**
 * The distance of two lower-cased names when it is at most `max`, else a number above `max`: it stops at the first
 * row whose every cell is above `max`, since no later row has a smaller cell (a transposition's cell is one more
 * than a cell two rows up, which is at least a cell of the row between minus one).
 */
function lowerDistance(s: string, t: string, max: number): number {
  if (s === t) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    let least = i;
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
      if (cur[j] < least) least = cur[j];
    }
    if (least > max) return least;
    before = prev;
    prev = cur;
  }
  return prev[t.length];
}

/** The candidate closest to `value`, if it is close enough to be a plausible typo (or a prefix of it). */
export function nearest(value: string, candidates: readonly string[]): string | undefined {
  if (value.length > 200) return undefined; // not a typo; and keeps the quadratic distance cheap
  let best: string | undefined;
  let bestD = Infinity;
  for (const c of candidates) {
    const d = editDistance(value, c);
    if (d < bestD) {
      bestD = d;
      best = c;
    }
  }
  if (best === undefined) return undefined;
  const v = value.toLowerCase();
  const b = best.toLowerCase();
  const close = bestD <= Math.max(2, Math.floor(best.length / 3)) || b.startsWith(v) || v.startsWith(b);
  return close && v.length > 0 ? best : undefined;
}

/** For field names (unknown-property): the known name closest to a misspelt one (case-insensitive edit distance), if it is close enough to be a typo. */
export function nearestName(name: string, known: Iterable<string>): string | undefined {
  // Allow about one edit per four characters (at least 1, at most 3): "heathChecks" → "healthChecks".
  const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  // The distance is at least the difference in length (of the lower-cased names editDistance compares), so a name
  // further apart than `allowed` cannot be the answer: skipped, it costs nothing. An object of 20,000 unknown keys
  // spent most of its lint here (~0.2 ms a key against an app's ~60 fields).
  // And the distance is computed only as far as it can still beat the best so far (lowerDistance).
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const other = k.toLowerCase(); // case-insensitive, as editDistance
    if (Math.abs(other.length - lower.length) > allowed) continue;
    const d = lowerDistance(lower, other, Math.min(allowed, bestDistance - 1));
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  return bestDistance <= allowed ? best : undefined;
}
