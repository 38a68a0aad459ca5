/**
 * marathon-lint: read → parse → lint → format. A thin adapter over the engine (`core/index.ts`);
 * everything here is about files, options and output, never about Marathon. Returns the exit status
 * instead of exiting, so it can be driven in-process.
 */
import { availableParallelism, loadavg } from 'node:os';
import { resolve } from 'node:path';
import { formatters } from './formatters/index';
import type { FormatContext } from './formatters/formatter';
import { parseCliArgs } from './args';
import { helpText } from './help';
import { discover } from './discover';
import { ConfigResolver } from './configLookup';
import { lintTargets } from './lintTargets';
import { ruleHelpUri, ruleSummary } from './ruleInfo';
import { exitStatus } from './exitStatus';
import { defaultWorkerMinBytes, RuleWorker } from './ruleWorker';
import { version } from '../../package.json';

export interface CliIo {
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
  /**
   * A script that serves rule jobs when started as a worker (the bundle itself, see main.ts). Without it,
   * as when tests drive runCli in-process from source, everything runs on the calling thread.
   */
  workerScript?: string;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const fail = (msg: string) => io.stderr.write(`marathon-lint: error: ${msg}\n`);
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    fail(parsed.message);
    io.stderr.write(`Run 'marathon-lint --help' for usage.\n`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    io.stdout.write(helpText);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (opts.inputs.length === 0) {
    fail('no input: give files, directories, quoted globs, or - to read stdin');
    io.stderr.write(`Run 'marathon-lint --help' for usage.\n`);
    return 2;
  }

  const found = discover(opts.inputs, io.cwd);
  const configs = new ConfigResolver(io.cwd, opts.config ? resolve(io.cwd, opts.config) : undefined, opts.marathonVersion);
  const worker = io.workerScript && useWorker(io.env) ? new RuleWorker(io.workerScript) : undefined;
  const run = await lintTargets(found.targets, {
    cwd: io.cwd, kind: opts.kind, configs, stdin: io.stdin, stderr: io.stderr, worker, workerMinLength: workerMinLength(io.env),
  });
  worker?.close();

  const results = opts.quiet ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : run.results;
  const ctx: FormatContext = { color: useColor(opts.color, io), version: version, ruleSummary, ruleHelpUri };
  io.stdout.write(formatters[opts.format].format(results, ctx));

  for (const w of configs.warnings) io.stderr.write(`marathon-lint: warning: ${w}\n`);
  const errors = [...found.errors, ...run.errors];
  for (const e of errors) fail(e);
  const status = exitStatus(run.results, errors.length, opts.maxWarnings);
  if (status.note) io.stderr.write(`marathon-lint: ${status.note}\n`);
  return status.code;
}

/**
 * A worker pays off only on a core that would otherwise idle: it adds ~140 ms of CPU on a 10,000-app group
 * (its startup, a second JSON.parse, shared views computed twice), and V8's own GC and compiler threads
 * already use a good part of a second core (a serial run takes ~1.3 s of CPU per second of wall time).
 * Measured on a 2-vCPU host: 0.54 s serial vs 0.58 s with the worker at load ~2, worse under more load.
 * So it is used only with 4 or more cores, 2 of them idle by the 1-minute load average (not measured here:
 * no such host was available). Setting MARATHON_LINT_WORKER_MIN_BYTES skips this check.
 */
function useWorker(env: NodeJS.ProcessEnv): boolean {
  if (env.MARATHON_LINT_WORKER_MIN_BYTES !== undefined && env.MARATHON_LINT_WORKER_MIN_BYTES !== '') return true;
  const cores = availableParallelism();
  return cores >= 4 && loadavg()[0] <= cores - 2;
}

/** MARATHON_LINT_WORKER_MIN_BYTES overrides the size from which a file uses the worker (tests set 0; a huge value turns it off). */
function workerMinLength(env: NodeJS.ProcessEnv): number {
  const n = Number(env.MARATHON_LINT_WORKER_MIN_BYTES);
  return env.MARATHON_LINT_WORKER_MIN_BYTES !== undefined && env.MARATHON_LINT_WORKER_MIN_BYTES !== '' && n >= 0 ? n : defaultWorkerMinBytes;
}

function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR && io.env.FORCE_COLOR !== '0') return true;
  return (io.stdout as NodeJS.WriteStream).isTTY === true && io.env.TERM !== 'dumb';
}
