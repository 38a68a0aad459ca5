/**
 * The bridge process of the kill -9 storm (killstorm.test.ts): optionally serves the embedded local driver in
 * its own process (as `dvdi-bridge serve` does, so a kill takes the driver down mid-mount too), then runs dry
 * runs back to back (with the leftover passes beside them) until it is killed, printing each progress event and verdict as a line on stdout.
 * argv[2]: runner config (JSON); argv[3]: {"local": bool, "driver", "names": [...], "engines": [...]}.
 */
import { createDryRunner } from '../../src/dryrun/runner';
import { startLocalDriver } from '../../src/local-driver/server';
import type { DryRunnerConfig, EngineName } from '../../src/dryrun/contract';

const config = JSON.parse(process.argv[2]) as DryRunnerConfig;
const plan = JSON.parse(process.argv[3]) as { local: boolean; driver: string; names: string[]; engines: EngineName[] };
if (plan.local) await startLocalDriver({ stateDir: config.stateDir, socketDir: config.pluginDirs[0] });
const runner = await createDryRunner({ ...config, log: () => undefined });
// As `serve` does before it listens; the test already recovered, so this finds nothing, but it starts the leftover
// passes (leftovers.ts), which then run beside the dry runs until the kill.
await runner.recover();
process.stdout.write('ready\n');
for (let i = 0; ; i++) {
  const r = await runner.dryRunMount(
    { driver: plan.driver, name: plan.names[i % plan.names.length], engine: plan.engines[i % plan.engines.length] },
    { policy: { allowCreate: false, allowDestructiveOptions: [] }, signal: new AbortController().signal, onProgress: (step, status) => process.stdout.write(`${step}:${status}\n`) },
  );
  process.stdout.write(`verdict:${r.verdict}\n`);
}
