/**
 * Entry of the bundled `dist/cli.cjs` (also loaded by `bin/marathon-lint.cjs`): runs the CLI on
 * process.argv. Exits through exitCode, not process.exit, so output piped to another program is flushed.
 */
import { setFlagsFromString } from 'node:v8';
import { runCli } from './run';
import { describeFsError } from '../project/fsErrors';

// As bin/marathon-lint.cjs does before loading this bundle (docs/performance.md), for runs of dist/cli.cjs itself.
setFlagsFromString('--no-use-osr');
setFlagsFromString('--liftoff-only');
setFlagsFromString('--semi-space-growth-factor=1');
main();

function main(): void {
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    // `marathon-lint … | head` closed the pipe: stop quietly, as Unix tools do.
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    // Any other failed write (a full disk, /dev/full, stdout open only for reading) lost the report: that is the
    // I/O status 2 (README), not 1 ("errors found") as an uncaught exception would make it.
    process.stderr.write(`marathon-lint: error: cannot write the output: ${describeFsError(e)}${e.code ? ` (${e.code})` : ''}\n`);
    process.exit(2);
  });

  // Messages on stderr that cannot be written (`2>&1 | head` stopped reading, a full device) are lost, but the status
  // stays the run's own: left unhandled, Node's stream error ended the run with 1 ("errors found") whatever it found.
  process.stderr.on('error', () => undefined);

  const io = { cwd: workingDirectory(), env: process.env, stdin: process.stdin, stdout: process.stdout, stderr: process.stderr };
  runCli(process.argv.slice(2), io)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((e: unknown) => {
      process.stderr.write(`marathon-lint: internal error: ${(e as Error)?.message ?? e}. Please report this.\n`);
      process.exitCode = 2;
    });
}

/** '' when the working directory was removed after the shell entered it: process.cwd() throws (uv_cwd ENOENT). */
function workingDirectory(): string {
  try {
    return process.cwd();
  } catch {
    return '';
  }
}
