/**
 * dvdi-bridge entry point (bundled to dist/bridge.cjs). Dispatches the subcommand and turns every startup
 * error into one readable line and a non-zero exit, never a stack trace.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from './cli/args';
import { dryRun } from './cli/dryRunClient';
import { serve } from './cli/serve';
import { USAGE } from './cli/usage';
import { createEventLog } from './log/logger';
import { PolicyFileError } from './security/policyFile';
import { TokenFileError } from './security/tokens';
import { BRIDGE_VERSION } from './server/version';

/**
 * The cluster commands live in the cluster workspace and ship as a second bundle beside this one
 * (cluster/src/cli/main.ts → dist/cluster-cli.cjs), loaded only when asked for.
 */
function clusterCli(): { runClusterCommand(command: 'scale' | 'dry-run', argv: string[]): Promise<number> } {
  const file = join(__dirname, 'cluster-cli.cjs');
  if (!existsSync(file)) throw new UsageError(`the cluster commands are missing (${file}); reinstall dvdi-bridge`);
  return require(file);
}

async function main(argv: string[]): Promise<number | undefined> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '--help' || command === '-h' || command === 'help') {
    process.stdout.write(USAGE);
    return command === undefined ? 2 : 0;
  }
  if (command === '--version' || command === 'version') {
    process.stdout.write(`${BRIDGE_VERSION}\n`);
    return 0;
  }
  if (rest.includes('--help')) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (command === 'serve') {
    const logger = createEventLog();
    // A bug must be visible and must not leave the process half-alive; the journal lets the restarted
    // service release what this one had mounted.
    process.on('uncaughtException', (e) => {
      logger.error('crash', { error: String(e?.stack ?? e) });
      process.exit(70);
    });
    process.on('unhandledRejection', (e) => logger.error('unhandled-rejection', { error: String((e as Error)?.stack ?? e) }));
    await serve(rest, logger);
    return undefined; // keeps running until a signal
  }
  // `dry-run --app FILE` tests where the app will run (cluster discovery); `dry-run --url` talks to one bridge.
  const clusterCommand = command === 'scale' || (command === 'dry-run' && rest.some((a) => a === '--app' || a.startsWith('--app=')));
  if (clusterCommand) return clusterCli().runClusterCommand(command, rest);
  if (command === 'dry-run') return dryRun(rest);
  throw new UsageError(`unknown command "${command}"; use serve, dry-run or scale (dvdi-bridge --help)`);
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code !== undefined) process.exitCode = code;
  },
  (e: unknown) => {
    const known = e instanceof UsageError || e instanceof TokenFileError || e instanceof PolicyFileError;
    process.stderr.write(`dvdi-bridge: ${(e as Error)?.message ?? String(e)}\n`);
    if (!known && process.env.DVDI_BRIDGE_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    process.exitCode = 2;
  },
);
