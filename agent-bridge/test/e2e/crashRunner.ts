/**
 * A bridge process for the kill -9 test: creates a runner from the JSON config in argv[2], runs one dry run
 * with the params in argv[3], and prints every progress event as a line on stdout so the test can kill it at
 * a chosen step.
 */
import { createDryRunner } from '../../src/dryrun/runner';

const config = JSON.parse(process.argv[2]);
const params = JSON.parse(process.argv[3]);
const runner = await createDryRunner(config);
const r = await runner.dryRunMount(params, {
  policy: { allowCreate: false, allowDestructiveOptions: [] },
  signal: new AbortController().signal,
  onProgress: (step, status) => process.stdout.write(`${step}:${status}\n`),
});
process.stdout.write(`verdict:${r.verdict}\n`);
