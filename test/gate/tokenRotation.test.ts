// marathon-gate as a user runs it for weeks (the bundled bin, a real process) in front of the stand-in Marathon
// behind DC/OS-style token auth (../shared/reference/marathon-api.md §2: a DC/OS token lives 5 days): when the token
// in --marathon-token-file is replaced, the gate's own reads of the root group use the new one, without a restart;
// a file that becomes unreadable is named in /_gate/healthz.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { rootGroupReader } from '../../gate/src/cli/rootGroupReader';
import { call } from './harness';
import { startGateProcess, type GateProcess } from './gateProcess';

const dir = mkdtempSync(join(tmpdir(), 'gate-token-'));
const tokenFile = join(dir, 'token');

let marathon: StandinMarathon;
let gate: GateProcess;
let gateUrl: string;

before(async () => {
  marathon = await startStandinMarathon({ auth: { kind: 'token', token: 'day-1-token' } });
  writeFileSync(tokenFile, 'day-1-token\n');
  gate = await startGateProcess(['--marathon', marathon.url, '--marathon-token-file', tokenFile]);
  gateUrl = gate.url;
});
after(async () => {
  if (gate.proc.exitCode === null) gate.proc.kill('SIGKILL');
  await marathon.close();
  rmSync(dir, { recursive: true, force: true });
});

type Health = { clusterState: { ageSeconds: number | null; error: string | null } };
const health = async () => JSON.parse((await call('GET', `${gateUrl}/_gate/healthz`)).body) as Health;

/** True once the gate's copy was read (successfully) later than `sinceMs` ago plus a margin, polling up to `withinMs`. */
async function readSince(since: number, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  while (Date.now() < deadline) {
    const age = (await health()).clusterState.ageSeconds;
    if (age !== null && age < (Date.now() - since) / 1000 - 0.5) return true;
    await new Promise((r) => setTimeout(r, 250));
  }
  return false;
}

test('a token replaced in --marathon-token-file is used by the next read of the deployed apps, without a restart', async () => {
  assert.ok(await readSince(Date.now() - 60_000, 10_000), 'the first read, with the day-1 token');
  // The token expires: Marathon (Admin Router) now takes only the new one, which the operator's job writes to the file.
  marathon.setAuth({ kind: 'token', token: 'day-5-token' });
  writeFileSync(tokenFile, 'day-5-token\n');
  const rotated = Date.now();
  assert.ok(await readSince(rotated, 12_000), `no successful read of the deployed apps within 12 s of the new token (the gate reads every 5 s): ${JSON.stringify(await health())}`);
  assert.ok(!gate.log().includes('day-5-token') && !gate.log().includes('day-1-token'), 'tokens are never logged');
});

test('a token file that can no longer be read fails the read naming the flag and the file', async () => {
  const reader = rootGroupReader(new URL(marathon.url), { auth: { kind: 'token', token: 'day-5-token' } }, 2_000, { tokenFile });
  assert.equal(((await reader()) as { id: string }).id, '/');
  rmSync(tokenFile);
  await assert.rejects(reader(), (e: Error) => e.message === `--marathon-token-file ${tokenFile}: cannot read the token file (ENOENT)`);
});
