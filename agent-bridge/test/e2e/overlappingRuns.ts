/**
 * Two dry runs of one volume started together, for the tests of the volume lock: under load the two may not
 * overlap at all (the first mounts and releases before the second starts), and then neither the lock nor its
 * absence shows. So a pair that ran one after the other is tried again (up to `tries` times); a pair in which
 * both held the volume mounted at once is returned at once, for the caller's assertions to fail on.
 */
import type { DryRunContext, DryRunMountResult } from '../../src/dryrun/contract';
import { ctx } from './harness';

type Run = (c: DryRunContext) => Promise<DryRunMountResult>;

/** One run's hold on the volume: from its mount's success to the run's end (a conservative end: after the release). */
async function timed(run: Run): Promise<{ result: DryRunMountResult; mountedAt?: number; endedAt: number }> {
  let mountedAt: number | undefined;
  const c = ctx();
  c.onProgress = (step, status) => {
    if (step === 'mount' && status === 'ok' && mountedAt === undefined) mountedAt = performance.now();
  };
  const result = await run(c);
  return { result, mountedAt, endedAt: performance.now() };
}

export async function overlappingRuns(first: Run, second: Run, tries = 6): Promise<[DryRunMountResult, DryRunMountResult]> {
  for (let i = 1; ; i++) {
    const [a, b] = await Promise.all([timed(first), timed(second)]);
    const bothMounted = a.mountedAt !== undefined && b.mountedAt !== undefined;
    const oneAfterTheOther = bothMounted && (a.endedAt <= b.mountedAt! || b.endedAt <= a.mountedAt!);
    if (!oneAfterTheOther || i === tries) return [a.result, b.result];
  }
}
