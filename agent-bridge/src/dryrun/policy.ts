/**
 * Applies a token's policy to a request. Destructive options (those that can reformat or wipe a volume, §8.4)
 * are refused unless the policy names them; keys are compared case-insensitively because REX-Ray 0.3
 * lower-cases them (`overwriteFs` = `overwritefs`).
 */
import type { DryRunMountParams, Policy } from './contract';

export interface Refusal {
  field: string;
  message: string;
}

/** Option keys known to reformat, overwrite or erase a volume on some driver. */
export const DESTRUCTIVE_OPTION_KEYS = ['overwritefs', 'newfstype', 'format', 'forceformat', 'reformat', 'overwrite', 'wipe', 'erase', 'mkfs'];

export function isDestructive(key: string): boolean {
  return DESTRUCTIVE_OPTION_KEYS.includes(key.toLowerCase());
}

export function checkPolicy(p: DryRunMountParams, policy: Policy): Refusal | undefined {
  if (policy.allowedDrivers && !policy.allowedDrivers.includes(p.driver)) {
    return { field: 'driver', message: `driver ${JSON.stringify(p.driver)} is not allowed for this token (allowed: ${policy.allowedDrivers.join(', ') || 'none'}); ask the bridge operator to add it to the policy` };
  }
  if (policy.volumeNamePatterns) {
    const ok = policy.volumeNamePatterns.some((pat) => {
      try {
        return new RegExp(`^(?:${pat})$`).test(p.name);
      } catch {
        return false; // a broken pattern in the policy must not widen access
      }
    });
    if (!ok) return { field: 'name', message: `volume name ${JSON.stringify(p.name)} matches none of this token's patterns (${policy.volumeNamePatterns.join(', ')}); ask the bridge operator to allow it` };
  }
  const allowed = new Set(policy.allowDestructiveOptions.map((k) => k.toLowerCase()));
  for (const k of Object.keys(p.options ?? {})) {
    if (isDestructive(k) && !allowed.has(k.toLowerCase())) {
      return { field: `options.${k}`, message: `option ${k} is destructive (it can reformat or overwrite the volume) and this token's policy does not list it in allowDestructiveOptions; drop it from the dry run or ask the operator to allow it` };
    }
  }
  return undefined;
}
