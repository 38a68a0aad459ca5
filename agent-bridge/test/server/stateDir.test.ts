// The state dir is where the bridge writes; inside an isolator's checkpoint dir the agent would take those
// files for its own state (§2.5: a stray entry there unmounts a volume on the next agent restart).
import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parseServeArgs } from '../../src/cli/serveConfig';

let dir: string;
let tokens: string;
before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'dvdi-statedir-'));
  tokens = join(dir, 'tokens');
  await writeFile(tokens, `ops:${'a'.repeat(32)}\n`, { mode: 0o600 });
});
after(() => rm(dir, { recursive: true, force: true }));

const serve = (stateDir: string) => parseServeArgs(['--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', stateDir]);

describe('serve --state-dir', () => {
  for (const p of ['/var/run/mesos/isolators/docker/volume', '/var/run/mesos/isolators/docker/volume/dvdi-bridge', '/run/mesos/isolators/mesos-module-dvdi/state', '/var/run/mesos/isolators/docker/volume/../volume/x']) {
    test(`refuses ${p} (inside an isolator checkpoint dir)`, () => {
      assert.throws(() => serve(p), /inside the isolator checkpoint dir/);
    });
  }
  test('accepts an ordinary dir, and a sibling whose name only starts like a checkpoint dir', () => {
    assert.equal(serve(join(dir, 'state')).stateDir, join(dir, 'state'));
    assert.doesNotThrow(() => serve('/var/run/mesos/isolators/docker/volume-bridge'));
  });
});
