/**
 * The cluster commands of `dvdi-bridge` (`scale`, `dry-run --app`), bundled apart (agent-bridge/dist/cluster-cli.cjs)
 * because they need the lint engine's mount targets and the bridge client together, while the bridge itself
 * depends on neither the engine nor this workspace. agent-bridge/src/main.ts loads it only for these commands.
 * Every error is one line and an exit status, never a stack trace.
 */
import { UsageError } from '@marathon-devtools/agent-bridge/cli/args';
import { TokenFileError } from '@marathon-devtools/agent-bridge/security/tokens';
import { ClusterHttpError } from '../mesos/client';
import { MarathonError } from '../marathon/errors';
import { clusterDryRun } from './clusterDryRun';
import { scale } from './scale';

export async function runClusterCommand(command: 'scale' | 'dry-run', argv: string[]): Promise<number> {
  try {
    return await (command === 'scale' ? scale(argv) : clusterDryRun(argv));
  } catch (e) {
    const known = e instanceof UsageError || e instanceof ClusterHttpError || e instanceof MarathonError || e instanceof TokenFileError;
    process.stderr.write(`dvdi-bridge: ${(e as Error)?.message ?? String(e)}\n`);
    if (!known && process.env.DVDI_BRIDGE_DEBUG) process.stderr.write(`${(e as Error)?.stack}\n`);
    return 2;
  }
}
