/**
 * Records the steps of one dry run with their timings and mirrors them to `onProgress` as they happen, so the
 * client sees "mount started" before the mount returns.
 */
import type { ProgressStatus, Step } from './contract';

export class StepLog {
  readonly steps: Step[] = [];

  constructor(private readonly onProgress: (step: string, status: ProgressStatus) => void) {}

  private report(step: string, status: ProgressStatus): void {
    try {
      this.onProgress(step, status);
    } catch {
      // A failing progress listener (e.g. a closed websocket) must not break the unmount path.
    }
  }

  /** Runs `fn` as a step; its result says whether the step succeeded and carries the detail. */
  async run<T extends { ok: boolean; detail?: string }>(step: string, fn: () => Promise<T>): Promise<T> {
    this.report(step, 'started');
    const t0 = performance.now();
    let r: T;
    try {
      r = await fn();
    } catch (e) {
      this.add(step, false, performance.now() - t0, (e as Error).message);
      throw e;
    }
    this.add(step, r.ok, performance.now() - t0, r.detail);
    return r;
  }

  add(step: string, ok: boolean, ms: number, detail?: string): void {
    this.steps.push({ step, ok, ms: Math.round(ms * 100) / 100, ...(detail ? { detail } : {}) });
    this.report(step, ok ? 'ok' : 'failed');
  }

  skip(step: string, detail: string): void {
    this.steps.push({ step, ok: true, ms: 0, detail: `skipped: ${detail}` });
    this.report(step, 'skipped');
  }
}
