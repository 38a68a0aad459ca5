/**
 * Applies a token's policy to a request. Destructive options (those that can reformat or wipe a volume, dvdi-bridge.md §8.4)
 * are refused unless the policy names them; keys are compared case-insensitively because REX-Ray 0.3
 * lower-cases them (`overwriteFs` = `overwritefs`). The keys come from the shared driver table
 * (`@marathon-devtools/schema/drivers`).
 */
import { DESTRUCTIVE_OPTION_KEYS } from '@marathon-devtools/schema/drivers/index';
import type { DryRunMountParams, Policy } from './contract';

export interface Refusal {
  field: string;
  message: string;
}

// Option keys known to reformat, overwrite or erase a volume on some driver: the shared driver table's (the same
// the linter's dvdi-destructive-option rule warns about), plus the generic spellings plugins copy.
function isDestructive(key: string): boolean {
  return DESTRUCTIVE_OPTION_KEYS.includes(key.toLowerCase());
}

/** Each policy's name patterns compiled once (policies live as long as the server), not once per request. */
const compiled = new WeakMap<readonly string[], RegExp[]>();

function namePatterns(patterns: readonly string[]): RegExp[] {
  let res = compiled.get(patterns);
  if (!res) {
    res = patterns.map((pat) => {
      try {
        return new RegExp(`^(?:${pat})$`);
      } catch {
        return /(?!)/; // a broken pattern in the policy must not widen access (the policy file refuses them anyway)
      }
    });
    compiled.set(patterns, res);
  }
  return res;
}

/**
 * The driver and name part of a policy, which the transport also applies before it reaches the runner (it needs
 * no knowledge of drivers): the one place both layers get the same answer and message from.
 */
export function checkDriverAndName(policy: Policy, req: { driver: string; name?: string }): Refusal | undefined {
  if (policy.allowedDrivers && !policy.allowedDrivers.includes(req.driver)) {
    return { field: 'driver', message: `driver ${JSON.stringify(req.driver)} is not allowed for this token (allowed: ${policy.allowedDrivers.join(', ') || 'none'}); ask the operator to extend allowedDrivers in the policy file` };
  }
  if (req.name !== undefined && policy.volumeNamePatterns && !namePatterns(policy.volumeNamePatterns).some((re) => re.test(req.name!))) {
    return { field: 'name', message: `volume name ${JSON.stringify(req.name)} matches none of this token's volumeNamePatterns (${policy.volumeNamePatterns.join(', ')})` };
  }
  return undefined;
}

export function checkPolicy(p: DryRunMountParams, policy: Policy): Refusal | undefined {
  const r = checkDriverAndName(policy, p);
  if (r) return r;
  const allowed = new Set(policy.allowDestructiveOptions.map((k) => k.toLowerCase()));
  for (const k of Object.keys(p.options ?? {})) {
    if (isDestructive(k) && !allowed.has(k.toLowerCase())) {
      return { field: `options.${k}`, message: `option ${k} is destructive (it can reformat or overwrite the volume) and this token's policy does not list it in allowDestructiveOptions; drop it from the dry run or ask the operator to allow it` };
    }
  }
  return undefined;
}
