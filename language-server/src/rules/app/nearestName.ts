import { editDistance } from '../../core/nearest';

/** The known name closest to a misspelt one (case-insensitive edit distance), if it is close enough to be a typo. */
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
