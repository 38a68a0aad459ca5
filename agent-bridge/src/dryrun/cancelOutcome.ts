/**
 * What a cancelled dry run left behind, in words, read from its result (verdict, steps, warnings): the bridge's
 * answer to `$/cancelRequest` and the client's message say this instead of a fixed "released". A run cancelled
 * during its mount still ends on the release path, and that path may keep the mount (the volume became in use
 * meanwhile, dvdi-bridge.md §8.9), fail to see it gone, or hand an unknown outcome to the late-mount sweep.
 * Also read by the client from an answer it did not type-check, so it accepts anything.
 */
import type { DryRunMountResult } from './contract';

export function cancelOutcome(result: unknown): string {
  const r = (typeof result === 'object' && result !== null ? result : {}) as Partial<DryRunMountResult>;
  if (!Array.isArray(r.steps)) return "its answer does not say what was mounted (no steps); the bridge's log on the agent does";
  const steps = r.steps;
  const warnings = Array.isArray(r.warnings) ? r.warnings : [];
  const step = (name: string) => steps.find((s) => s?.step === name);
  const at = typeof r.mountpoint === 'string' && r.mountpoint ? ` at ${r.mountpoint}` : '';
  if (!step('mount')) return 'nothing was mounted';
  const said = (re: RegExp) => warnings.some((w) => typeof w === 'string' && re.test(w));
  if ((r.verdict === 'in-use' && step('mount')?.ok) || said(/NOT unmounted/)) {
    return `the volume became in use (or its use could no longer be ruled out) while the dry run held it mounted${at}, so it was NOT unmounted; the bridge releases it once nobody else uses it (see data.steps: in-use-recheck)`;
  }
  if (said(/late-mount sweep/)) return "the mount's outcome is unknown: a late-mount sweep on the agent unmounts it if it appears (see data.warnings)";
  const released = step('verify-released');
  if (!released) return 'the mount failed; nothing was mounted';
  if (!released.ok) return `the release${at} could not be confirmed (see data.steps: verify-released); the journal keeps it and the bridge retries`;
  if (said(/cannot be verified/)) return `the Unmount${at} was accepted, but the driver cannot show that the mount is gone (see data.warnings)`;
  return `what it mounted${at} was released`;
}
