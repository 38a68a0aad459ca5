/**
 * A small but real DryRunner behind the contract seam, for transport tests only: "mounting" makes a directory
 * under a temporary state dir and "releasing" removes it, with the steps, progress and abort behaviour the
 * contract asks for (an aborted run still releases). It stands in for the mount machinery, which has its own
 * tests; the end-to-end test uses the real runner.
 */
import { mkdirSync, mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkVolumeRequest } from '../../src/dryrun/index';
import type { DryRunContext, DryRunMountParams, DryRunMountResult, DryRunner, EngineName, Step, VolumeListResult } from '../../src/dryrun/contract';

export interface SeamRunner extends DryRunner {
  root: string;
  /** Every mountpoint ever created, to check that each one was released. */
  mounted: string[];
  /** Resolves once a dry run has reached the "mount" step (to cancel or disconnect mid-request). */
  whenMounted(): Promise<void>;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal.aborted) return resolve();
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => (clearTimeout(t), resolve()), { once: true });
  });

/** holdMs: how long a volume stays mounted (long enough for a test to cancel in between). */
export function createSeamRunner(holdMs = 50, defaultEngine: EngineName = 'plugin'): SeamRunner {
  const root = mkdtempSync(join(tmpdir(), 'dvdi-seam-'));
  const mounted: string[] = [];
  let onMounted: (() => void)[] = [];
  const runner: SeamRunner = {
    root,
    mounted,
    whenMounted: () => new Promise((r) => onMounted.push(r)),
    async dryRunMount(p: DryRunMountParams, ctx: DryRunContext): Promise<DryRunMountResult> {
      const steps: Step[] = [];
      const step = async (name: string, fn: () => Promise<string | undefined> | string | undefined) => {
        const t = performance.now();
        ctx.onProgress(name, 'started');
        const detail = await fn();
        steps.push({ step: name, ok: true, ms: Math.round(performance.now() - t), ...(detail ? { detail } : {}) });
        ctx.onProgress(name, 'ok');
      };
      // The real runner re-checks with the shared request rules; so does the stand-in, so that what the
      // transport lets through as "the agent would refuse this" comes back as the verdict refused.
      const bad = checkVolumeRequest(p, p.engine ?? defaultEngine);
      if (bad) return { verdict: 'refused', steps: [{ step: 'validate', ok: false, ms: 0, detail: `${bad.field.join('.')}: ${bad.message}` }], warnings: [] };
      if (p.driver !== 'seam') {
        return { verdict: 'failed', steps: [{ step: 'locate-plugin', ok: false, ms: 0, detail: `no plugin "${p.driver}"` }], warnings: [] };
      }
      const mountpoint = join(root, p.name);
      await step('get', () => undefined);
      await step('mount', async () => {
        mkdirSync(mountpoint, { recursive: true });
        mounted.push(mountpoint);
        const waiting = onMounted;
        onMounted = [];
        waiting.forEach((r) => r());
        await sleep(holdMs, ctx.signal);
        return mountpoint;
      });
      await step('unmount', () => (rmSync(mountpoint, { recursive: true, force: true }), undefined));
      if (ctx.signal.aborted) return { verdict: 'failed', mountpoint, steps: [...steps, { step: 'aborted', ok: false, ms: 0, detail: String(ctx.signal.reason) }], warnings: [] };
      return { verdict: 'mounted-and-released', mountpoint, steps, warnings: [] };
    },
    async listVolumes(driver: string): Promise<VolumeListResult> {
      if (driver !== 'seam') throw new Error(`no plugin "${driver}"`);
      return { volumes: [{ name: 'v1', inUse: false }] };
    },
    async listDrivers() {
      return [{ name: 'seam', address: join(root, 'seam.sock'), capabilities: { Scope: 'local' } }];
    },
    engines: () => ['docker-volume', 'dvdi-module', 'plugin'],
    defaultEngine,
    async recover() {
      return { released: [], failed: [] };
    },
    async close() {
      rmSync(root, { recursive: true, force: true });
    },
  };
  return runner;
}

export const isReleased = (mountpoint: string) => !existsSync(mountpoint);
