// `dvdi-bridge serve --leftover-retry-ms`: how often mounts a dry run could not release are retried (leftovers.ts).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { UsageError } from '../../src/cli/args';
import { parseServeArgs } from '../../src/cli/serveConfig';

let dir: string;
let tokens: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvdi-leftover-flag-'));
  tokens = join(dir, 'tokens');
  await writeFile(tokens, `ops:${'a'.repeat(32)}\n`, { mode: 0o600 });
});
after(() => rm(dir, { recursive: true, force: true }));

const serve = (...extra: string[]) => parseServeArgs(['--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', join(dir, 'state'), ...extra]);

test('default 30 s; 0 turns the periodic pass off; any other whole number of ms is taken', () => {
  assert.equal(serve().leftoverRetryMs, 30_000);
  assert.equal(serve('--leftover-retry-ms', '0').leftoverRetryMs, 0);
  assert.equal(serve('--leftover-retry-ms', '5000').leftoverRetryMs, 5000);
});

test('a value that is not a whole number of ms from 0 to a day is a usage error naming the flag', () => {
  for (const bad of ['-1', 'soon', '1.5', '86400001']) {
    assert.throws(() => serve('--leftover-retry-ms', bad), (e: unknown) => e instanceof UsageError && /--leftover-retry-ms must be an integer/.test(e.message), bad);
  }
  // An empty value (an unset shell variable) is refused before the number check, by name (args.ts).
  assert.throws(() => serve('--leftover-retry-ms', ''), (e: unknown) => e instanceof UsageError && /--leftover-retry-ms is empty/.test(e.message));
});
