/** "Did you mean …?": the closest candidate by edit distance, for enum values, rule ids and field names. */

/**
 * Edit distance with adjacent transpositions (optimal string alignment), case-insensitive (Marathon's enums are
 * case-insensitive since 1.5): "vaule" is one edit from "value", as the most common typo, two swapped keys, should be.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  if (s === t) return 0;
  let before: number[] = [];
  let prev = Array.from({ length: t.length + 1 }, (_, j) => j);
  for (let i = 1; i <= s.length; i++) {
    const cur = [i];
    for (let j = 1; j <= t.length; j++) {
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (s[i - 1] === t[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) cur[j] = Math.min(cur[j], before[j - 2] + 1);
    }
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
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const k of known) {
    const d = editDistance(name, k); // case-insensitive
    if (d < bestDistance) {
      best = k;
      bestDistance = d;
    }
  }
  // Allow about one edit per four characters (at least 1, at most 3): "heathChecks" → "healthChecks".
  const allowed = Math.min(3, Math.max(1, Math.floor(name.length / 4)));
  return bestDistance <= allowed ? best : undefined;
}
