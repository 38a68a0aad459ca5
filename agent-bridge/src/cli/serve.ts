/**
 * `dvdi-bridge serve`: check the state dir can be written (exit 2 naming it if not), recover what a killed
 * predecessor left mounted, then listen. A recovery that waits for a Mount still in flight at a plugin (up to the
 * late-mount grace, 120 s) does not hold the listening back beyond RECOVERY_BEFORE_LISTEN_MS: the volumes it still
 * judges stay locked, dry runs of them answer `in-use`, and `recovered` is logged when it ends
 * (dryrun/startupRecovery.ts). Prints exactly one line on
 * stdout, `dvdi-bridge listening on <url>`, for scripts and tests to parse; everything else is JSON on stderr.
 * SIGTERM/SIGINT stop accepting, cancel running dry runs and wait until their mounts are released; so does SIGHUP
 * (a closed terminal, or a `kill -HUP` meant as "reload"), whose default would end the process at once and leave a
 * Mount in flight mounted until the next start. The token and policy files are read at startup only: a change
 * takes effect at the next start.
 */
import type { EventLog } from '../log/logger';
import { lockStateDir, probeStateDir, type RecoveryReport } from '../dryrun/index';
import { startBridgeServer } from '../server/bridgeServer';
import { setUpRunner } from './runnerSetup';
import { parseServeArgs } from './serveConfig';

/** How long `serve` lets startup recovery run before it listens anyway (the rest goes on behind the volume locks). */
const RECOVERY_BEFORE_LISTEN_MS = 2_000;

export async function serve(argv: string[], logger: EventLog): Promise<void> {
  const cfg = parseServeArgs(argv);
  // Before anything else writes there (the local driver, recover()): an unwritable state dir is a startup error.
  await probeStateDir(cfg.stateDir);
  // Before the local driver takes its socket and recover() reads the journal: both belong to a bridge already
  // running on this state dir, if there is one (journal/stateDirLock.ts).
  const lock = await lockStateDir(cfg.stateDir);
  let setup;
  try {
    setup = await setUpRunner(cfg, (level, event, fields) => logger.log(level, event, fields));
  } catch (e) {
    await lock.release();
    throw e;
  }
  let recovery;
  try {
    recovery = await setup.runner.startRecovery();
  } catch (e) {
    await setup.stop().catch(() => undefined);
    await lock.release();
    throw new Error(`could not replay the journal in ${cfg.stateDir}: ${(e as Error).message}; the previous run may have left mounts behind, check the journal before starting again`);
  }
  let stopping = false;
  const logReport = (report: RecoveryReport) => {
    if (stopping) return; // given up on by close(): what was not judged stays journalled for the next start
    logger.info('recovered', { released: report.released, notMounted: report.notMounted, unverified: report.unverified, failed: report.failed });
    for (const u of report.unverified) logger.warn('recover-unverified', { driver: u.driver, name: u.name, detail: u.detail, what: 'the plugin accepted the unmount, but the driver cannot show whether it is gone; check the volume on this agent' });
    for (const f of report.failed) logger.warn('recover-failed', { driver: f.driver, name: f.name, error: f.error, what: 'still mounted from a previous run; unmount it by hand' });
  };
  // A quick recovery (the usual case) is over and logged before `listening`, as scripts reading the log expect.
  let timer: NodeJS.Timeout | undefined;
  const quick = await Promise.race([recovery.done.then(() => true), new Promise<false>((r) => (timer = setTimeout(() => r(false), RECOVERY_BEFORE_LISTEN_MS)))]);
  clearTimeout(timer);
  if (quick) logReport(await recovery.done);
  else {
    logger.info('recovering', { volumes: recovery.pending(), what: 'a Mount a killed bridge sent may still land: these volumes stay locked and journalled until it is judged, dry runs of them answer in-use meanwhile; "recovered" follows' });
    void recovery.done.then(logReport);
  }

  let bridge;
  try {
    bridge = await startBridgeServer({
      host: cfg.host,
      port: cfg.port,
      tokens: cfg.tokens,
      policyFor: cfg.policyFor,
      runner: setup.runner,
      logger,
      tls: cfg.tls,
      allowedOrigins: cfg.allowedOrigins,
      maxConcurrentPerConnection: cfg.maxConcurrent,
    });
  } catch (e) {
    await setup.stop().catch(() => undefined);
    await lock.release();
    const code = (e as NodeJS.ErrnoException).code;
    const hint = code === 'EADDRINUSE' ? ' (another process listens there; pick another port)' : code === 'EACCES' ? ' (ports below 1024 need root)' : '';
    throw new Error(`cannot listen on ${cfg.host}:${cfg.port}: ${(e as Error).message}${hint}`);
  }
  const stop = async (signal: string) => {
    if (stopping) {
      logger.warn('shutdown-forced', { signal, what: 'second signal: exiting without waiting; the journal lets the next start release leftover mounts' });
      process.exit(1);
    }
    stopping = true;
    logger.info('shutting-down', { signal });
    await bridge.close();
    await setup.stop();
    await lock.release();
    logger.info('stopped', {});
    process.exit(0);
  };
  // Before the line is printed: a script that stops the bridge as soon as it reads the line must get this stop,
  // not the signal's default action (agent-bridge/test/server/signalAtListening.test.ts).
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  process.stdout.write(`dvdi-bridge listening on ${bridge.url}\n`);
  logger.info('listening', { url: bridge.url, tokens: cfg.tokens.names(), tls: !!cfg.tls, clientCertificates: !!cfg.tls?.clientCa, allowedOrigins: cfg.allowedOrigins, ...setup.describe });
}
