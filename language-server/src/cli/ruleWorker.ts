/**
 * A second thread for large files: it runs the tail of the rule list (splitLint.ts) while the main thread
 * runs the head, the schema and the duplicate-key check. One worker serves every large file of a run, one
 * file at a time, in order. The worker is the CLI bundle itself, started with `workerData.role` set
 * (main.ts), so there is no second file to ship.
 *
 * Any failure (the worker cannot start, throws, exits) makes `run` resolve undefined and the main thread
 * runs the tail itself: output never depends on whether the worker was there.
 */
import { Worker, parentPort } from 'node:worker_threads';
import type { Profile } from '../core/profile';
import type { RuleFinding } from '../core/runRules';
import type { DocumentKind } from '../core/types';
import { tailFindings } from './splitLint';

export const ruleWorkerRole = 'marathon-lint-rules';

/**
 * Files smaller than this are linted on the main thread alone. The worker costs ~50 ms to start plus a second
 * JSON.parse (~5 ms per 1,000 apps) and saves about half of the rules' cold time (~15 ms per 1,000 apps), so
 * it breaks even near 4,000 apps (4.5 MB). Measured with a forced worker on a busy 2-core host: 1,000 and
 * 3,000 apps ~90-100 ms slower; 10,000 apps 1.23 s -> 0.91 s when a core was free (load ~2).
 */
export const defaultWorkerMinBytes = 4 * 1024 * 1024;

interface Job {
  id: number;
  text: string;
  kind: DocumentKind | undefined;
  profile: Profile;
}

type Reply = { id: number; findings: RuleFinding[] | undefined } | { id: number; error: string };

export class RuleWorker {
  private worker: Worker | undefined;
  private failed = false;
  private nextId = 0;
  private readonly pending = new Map<number, (r: RuleFinding[] | undefined) => void>();

  constructor(private readonly script: string) {}

  /** Starts the tail of the rules for `text` on the worker; resolves with its findings, or undefined on failure. */
  run(text: string, kind: DocumentKind | undefined, profile: Profile): Promise<RuleFinding[] | undefined> {
    const w = this.ensure();
    if (!w) return Promise.resolve(undefined);
    const id = this.nextId++;
    w.ref(); // keep the process alive while the main thread awaits this job
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      try {
        w.postMessage({ id, text, kind, profile } satisfies Job);
      } catch {
        this.pending.delete(id);
        resolve(undefined);
      }
    });
  }

  /** Starts the thread now, ahead of its first job (startup takes tens of milliseconds). */
  start(): void {
    this.ensure();
  }

  /** Lets the process exit: the worker holds no state worth a goodbye. */
  close(): void {
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private ensure(): Worker | undefined {
    if (this.worker || this.failed) return this.worker;
    try {
      const w = new Worker(this.script, { workerData: { role: ruleWorkerRole } });
      w.on('message', (r: Reply) => {
        const resolve = this.pending.get(r.id);
        this.pending.delete(r.id);
        if (this.pending.size === 0) w.unref();
        resolve?.('findings' in r ? r.findings : undefined);
      });
      const fail = () => {
        this.failed = true;
        this.worker = undefined;
        for (const resolve of this.pending.values()) resolve(undefined);
        this.pending.clear();
      };
      w.on('error', fail);
      w.on('exit', fail);
      w.unref(); // an idle worker must not keep the CLI alive (run() refs it while a job is out)
      this.worker = w;
    } catch {
      this.failed = true;
    }
    return this.worker;
  }
}

/** The worker side: answer each job with the tail's findings. */
export function serveRuleWorker(): void {
  parentPort?.on('message', (job: Job) => {
    let reply: Reply;
    try {
      reply = { id: job.id, findings: tailFindings(job.text, job.kind, job.profile) };
    } catch (e) {
      reply = { id: job.id, error: String((e as Error)?.message ?? e) };
    }
    parentPort!.postMessage(reply);
  });
}
