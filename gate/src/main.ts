/**
 * Entry of the bundled `dist/gate.cjs` (`marathon-gate`, bin/marathon-gate.cjs): arguments and files are
 * checked before anything listens (exit 2 with one line naming the flag); then the gate serves until SIGTERM
 * or SIGINT, finishing requests in flight. Log lines are JSON on stderr.
 */
import { parseGateArgs, usage } from './cli/args';
import { GateStartError, loadGateFiles } from './cli/access';
import { rootGroupReader } from './cli/rootGroupReader';
import { startGate } from './gate';

const version = '0.1.0';

function log(entry: Record<string, unknown>): void {
  process.stderr.write(JSON.stringify({ time: new Date().toISOString(), ...entry }) + '\n');
}

async function main(): Promise<number | undefined> {
  const parsed = parseGateArgs(process.argv.slice(2));
  if (!parsed.ok) {
    process.stderr.write(`marathon-gate: ${parsed.message}\n${usage.split('\n').slice(0, 4).join('\n')}\n`);
    return 2;
  }
  const o = parsed.options;
  if (o.help || o.version) {
    process.stdout.write(o.help ? usage + '\n' : `marathon-gate ${version}\n`);
    return 0;
  }
  let files;
  try {
    files = loadGateFiles(o);
  } catch (e) {
    if (e instanceof GateStartError) {
      process.stderr.write(`marathon-gate: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
  for (const note of files.notes) log({ msg: 'config', note });
  const gate = await startGate(
    {
      marathon: o.marathon, mode: o.mode, fail: o.fail, profile: files.profile, marathonCa: files.ca, tls: files.tls, log,
      marathonTimeoutMs: o.marathonTimeoutMs,
      readRootGroup: rootGroupReader(o.marathon, files, o.marathonTimeoutMs, { tokenFile: o.tokenFile, credentialsFile: o.credentialsFile }),
    },
    o.host,
    o.port,
  ).catch((e: NodeJS.ErrnoException) => {
    process.stderr.write(`marathon-gate: cannot listen on ${o.host}:${o.port} (${e.code ?? e.message})\n`);
    return undefined;
  });
  if (!gate) return 2;
  log({ msg: 'listening', url: gate.url, marathon: o.marathon.origin + o.marathon.pathname, mode: o.mode, fail: o.fail, marathonVersion: files.profile.marathonVersion });
  const stop = (signal: string) => {
    // Finish what is in flight (not the event streams, which never end), then exit; at most 10 s.
    log({ msg: 'stopping', signal });
    gate.server.close(() => process.exit(0));
    gate.server.closeIdleConnections();
    setTimeout(() => process.exit(0), 10_000).unref();
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
  return undefined;
}

main().then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    process.stderr.write(`marathon-gate: internal error: ${(e as Error)?.message ?? e}. Please report this.\n`);
    process.exitCode = 2;
  },
);
