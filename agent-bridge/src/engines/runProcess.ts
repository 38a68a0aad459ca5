/**
 * Runs one dvdcli invocation the way the isolators do (stdin /dev/null, stdout and stderr captured separately,
 * no shell unless the caller passes `sh -c` itself) but with a hard timeout. The child gets its own process
 * group (detached) so a timeout kills the whole tree with one `kill(-pgid, SIGKILL)`, as Mesos' killtree does;
 * a hung plugin otherwise hangs dvdcli forever.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants } from 'node:os';

export interface ProcessResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Set when the binary could not be started at all (ENOENT, EACCES, E2BIG, EMFILE): no process ran, so it did nothing. */
  spawnError?: string;
  /** The stream printed more than MAX_OUTPUT_BYTES; only the first MAX_OUTPUT_BYTES are kept (the rest is drained). */
  stdoutTruncated?: boolean;
  stderrTruncated?: boolean;
}

/** dvdcli prints one path on stdout and a few log lines on stderr; a flood must not grow the bridge's memory. */
const MAX_OUTPUT_BYTES = 1024 * 1024;

function capped(): { chunks: Buffer[]; size: number; truncated: boolean; push(c: Buffer): void } {
  const b = {
    chunks: [] as Buffer[],
    size: 0,
    truncated: false,
    push(c: Buffer) {
      const room = MAX_OUTPUT_BYTES - b.size;
      if (c.length > room) b.truncated = true;
      if (room <= 0) return;
      const keep = c.length > room ? c.subarray(0, room) : c;
      b.chunks.push(Buffer.from(keep));
      b.size += keep.length;
    },
  };
  return b;
}

export interface ProcessOptions {
  timeoutMs: number;
  /** Called with the process group id as soon as the child exists (the journal records it). */
  onSpawn?: (pgid: number) => void;
  env?: NodeJS.ProcessEnv;
}

function killGroup(pgid: number): void {
  try {
    process.kill(-pgid, 'SIGKILL');
  } catch {
    // ESRCH: the group is already gone.
  }
}

export function runProcess(file: string, args: string[], opts: ProcessOptions): Promise<ProcessResult> {
  return new Promise((resolve) => {
    const failed = (e: NodeJS.ErrnoException): ProcessResult => ({ code: null, signal: null, stdout: '', stderr: '', timedOut: false, spawnError: `${e.code ?? ''} ${e.message}`.trim() });
    let child: ReturnType<typeof spawn>;
    try {
      child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: opts.env ?? process.env });
    } catch (e) {
      // Some exec failures throw instead of emitting 'error': E2BIG for an argument over the kernel's 128 KiB, which
      // the module's one `sh -c` string reaches with many long options (agent-bridge/test/e2e/spawnFailure.test.ts).
      // No process was started: nothing can be mounting, and the caller must hear that, not an exception.
      return resolve(failed(e as NodeJS.ErrnoException));
    }
    const out = capped();
    const err = capped();
    let timedOut = false;
    // Listened to first: at the fd limit (EMFILE) the child has no stdio streams, and an 'error' nobody hears kills the
    // bridge. Without a pid it never started (ENOENT, EACCES, EMFILE): that is the answer, and it did nothing.
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (child.pid !== undefined) return; // a process that ran: its 'close' says how it ended
      clearTimeout(timer);
      resolve(failed(e));
    });
    child.stdout?.on('data', (c: Buffer) => out.push(c)); // kept up to the cap, the rest drained so the child never blocks
    child.stderr?.on('data', (c: Buffer) => err.push(c));
    const timer = setTimeout(() => {
      timedOut = true;
      if (child.pid) killGroup(child.pid);
    }, opts.timeoutMs);
    if (child.pid) opts.onSpawn?.(child.pid);
    // 'close' waits for stdio to end; a grandchild keeping the pipes open dies with the group on timeout.
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      // Anything the child left behind in its group (e.g. sh's dvdcli) must not outlive the call.
      if (child.pid) killGroup(child.pid);
      resolve({ code, signal, stdout: Buffer.concat(out.chunks).toString('utf8'), stderr: Buffer.concat(err.chunks).toString('utf8'), timedOut, ...(out.truncated ? { stdoutTruncated: true } : {}), ...(err.truncated ? { stderrTruncated: true } : {}) });
    });
  });
}

/**
 * The signal that ended the program, also when a shell ran it and reports it. sh turns a command killed by signal N
 * into its own exit status 128+N (POSIX sh, "Exit Status for Commands"); mesos-module-dvdi runs dvdcli under `sh -c`
 * (dvdi-bridge.md §1.3), and dash stays the parent instead of exec'ing it. dvdcli itself exits only 0, 1 or 2
 * (dvdi-bridge.md §3.1), so a status above 128 is a signal: an OOM kill or someone's `kill` after dvdcli may have sent
 * its Mount, whose outcome at the plugin is then unknown, never dvdcli's own refusal.
 */
export function endingSignal(r: ProcessResult): string | undefined {
  if (r.signal) return r.signal;
  if (r.code === null || r.code <= 128 || r.code > 128 + LAST_SIGNAL) return undefined;
  const n = r.code - 128;
  // Node's table names only the classic signals; a real-time one (SIGRTMIN+3 is 37) is a signal all the same.
  return (Object.entries(constants.signals) as [NodeJS.Signals, number][]).find(([, v]) => v === n)?.[0] ?? String(n);
}

/**
 * A failed Mount run whose outcome at the plugin is unknown: dvdcli may have sent the Mount (it started) and did not
 * see it answered (our timeout, or a signal ended it, directly or as a shell reports it). One that never started sent nothing.
 */
export function mountMayStillLand(r: ProcessResult): boolean {
  return r.spawnError === undefined && (r.timedOut || r.code === null || endingSignal(r) !== undefined);
}

/** SIGRTMAX on Linux (signal(7)): no status above 128 + 64 comes from a signal. */
const LAST_SIGNAL = 64;

/** "signal SIGKILL", or "signal SIGKILL (sh's exit 137)" when a shell reported it. */
const signalWords = (r: ProcessResult, sig: string) => (r.signal ? `signal ${sig}` : `signal ${sig} (sh's exit ${r.code})`);

/** One line explaining a failed run, with the isolator's own wording where it has one. */
export function describeFailure(what: string, r: ProcessResult, timeoutMs: number): string {
  const tail = r.stderr.trim().split('\n').slice(-3).join(' | ');
  const stderr = tail.length > 2000 ? `…${tail.slice(-2000)}` : tail; // a step detail, not a log dump
  // E2BIG: the agent's isolator would run the same command line and fail to start it the same way (popen's sh, or
  // Mesos' exec of dvdcli), so the task would fail too; the length comes from the volume's options.
  if (r.spawnError && /^E2BIG\b/.test(r.spawnError)) return `${what}: cannot start: ${r.spawnError}: the command line is longer than Linux starts a program with (128 KiB for one argument, as the module's one sh -c string is; about 2 MiB in all), so the agent's isolator could not start it either and the task would fail; shorten the volume's dvdi/* options in the app`;
  if (r.spawnError) return `${what}: cannot start: ${r.spawnError}; check the dvdcli path in the bridge config`;
  if (r.stdoutTruncated) return `${what} printed more than ${MAX_OUTPUT_BYTES} bytes on stdout, which is no mountpoint (dvdcli prints one path); the output was cut there`;
  if (r.timedOut) return `${what} timed out after ${timeoutMs} ms and its process group was killed (a hung plugin?)${stderr ? `; stderr: ${stderr}` : ''}`;
  if (r.code === 2) return `${what} exited 2 (dvdcli panic: a --volumeopts item without "=" or another bad option); stderr: ${stderr}`;
  if (r.code === 0 && r.stdout.trim() === '' && /unknown flag|usage/i.test(r.stderr)) {
    return `${what} exited 0 with usage on stderr and no mountpoint: dvdcli rejected a flag; stderr: ${stderr}`;
  }
  if (r.code === 0) return `${what} exited 0 but printed an empty mountpoint; the isolator treats that as a failure; stderr: ${stderr}`;
  const sig = endingSignal(r);
  return `${what} failed (${sig ? `killed by ${signalWords(r, sig)}` : `exit ${r.code}`}): ${stderr || '(no stderr)'}`;
}

/**
 * How a run that did not do its job ended, in a few words for a report: why it never started, the timeout that killed
 * its group, the signal that killed it (`code` is then null: a bare "exit null" names nothing), or its exit status;
 * with the last of its stderr when it printed any.
 */
export function processEnding(r: ProcessResult, timeoutMs: number): string {
  if (r.spawnError) return `cannot start: ${r.spawnError}`;
  const tail = r.stderr.trim().split('\n').slice(-3).join(' | ').slice(-2000);
  const sig = endingSignal(r);
  const how = r.timedOut ? `timed out after ${timeoutMs} ms and its process group was killed` : sig ? `killed by ${signalWords(r, sig)}` : `exit ${r.code}`;
  return tail ? `${how}: ${tail}` : how;
}

/**
 * A process's identity beyond its pid, from /proc/<pid>/stat: its process group and its start time (clock
 * ticks since boot). Pids are reused; (pid, start time) is not. undefined when the process is gone.
 */
export function processIdentity(pid: number): { pgid: number; startTime: string; state: string } | undefined {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // "pid (comm) state ppid pgrp session tty_nr tpgid flags minflt cminflt majflt cmajflt utime stime cutime
  // cstime priority nice num_threads itrealvalue starttime …"; comm may hold spaces and ")".
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const pgid = Number(f[2]);
  const startTime = f[19];
  if (!Number.isInteger(pgid) || !startTime) return undefined;
  // state: f[0], `Z` for a process that has exited and waits for its parent to reap it (proc(5)).
  return { pgid, startTime, state: f[0] };
}
