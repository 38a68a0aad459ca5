import { editDistance } from '../nearest';
import { optionKeyRegex } from './labelPatterns';

/**
 * Misspelt dvdi/ option keys, judged once for the rules that meet them: dvdi-option-misspelled reports one, and
 * dvdi-docker-options-driver-only leaves a misspelt dvdi/driver to it (one mistake, one finding: core/overlap.ts).
 */
const plain = (k: string) => k.toLowerCase().replace(/[-_. ]/g, '');

/** The known key `key` misspells: the same once dashes, underscores and case are dropped, or one edit away (two from 8 letters). */
export function misspeltOptionKey(key: string, known: readonly string[]): string | undefined {
  const p = plain(key);
  if (p.length < 3) return undefined;
  const same = known.find((k) => plain(k) === p);
  if (same !== undefined) return same;
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(p, plain(k));
    if (d < bestD) (bestD = d), (best = k);
  }
  return best !== undefined && plain(best).length >= 4 && bestD <= (plain(best).length >= 8 ? 2 : 1) ? best : undefined;
}

/**
 * `key` is dvdi/driver misspelt (`dvdi/drive`, `dvdi/Driver`) in options that lack dvdi/driver. Only a key Marathon
 * accepts as an option key: one it refuses (`dvdi/driver_`) is external-volume-option-key's (marathon-rules.md §6.1).
 */
export function isMisspeltDriverKey(options: Readonly<Record<string, unknown>>, key: string): boolean {
  return (
    options['dvdi/driver'] === undefined &&
    key.startsWith('dvdi/') &&
    key !== 'dvdi/driver' &&
    optionKeyRegex.test(key) &&
    misspeltOptionKey(key.slice('dvdi/'.length), ['driver']) !== undefined
  );
}
