// `marathon-gate --marathon-timeout SECONDS` as an operator uses it (the bundled bin, a real process, real HTTP) in
// front of the stand-in Marathon whose `GET /v2/groups` is slow, as a large root group's is: under the default or a
// short timeout the gate cannot read the deployed apps and refuses writes (fail closed) naming the flag; with a
// timeout above the read's time it reads them and judges the write.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChildProcess } from 'node:child_process';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { startGateProcess } from './gateProcess';

let marathon: StandinMarathon;
const running: ChildProcess[] = [];

before(async () => {
  marathon = await startStandinMarathon({});
  marathon.setFault({ kind: 'slow', delayMs: 5_500 }, '/v2/groups', 'GET');
});
after(async () => {
  for (const g of running) if (g.exitCode === null) g.kill('SIGKILL');
  await marathon.close();
});

function startGate(extra: string[]): Promise<string> {
  const started = startGateProcess(['--marathon', marathon.url, ...extra]);
  return started.then((g) => {
    running.push(g.proc);
    return g.url;
  });
}

/** An app with an external volume: its name must be unique in the root group, so the gate needs the deployed apps. */
function appWithVolume(id: string): unknown {
  return {
    id, cmd: 'sleep 100', cpus: 0.1, mem: 32, instances: 1,
    container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: `vol${id.replace(/\//g, '-')}`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
    upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  };
}

async function postApp(gateUrl: string, id: string): Promise<{ status: number; body: string }> {
  const res = await fetch(`${gateUrl}/v2/apps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(appWithVolume(id)) });
  return { status: res.status, body: await res.text() };
}

test('a root group read slower than --marathon-timeout: writes are refused (fail closed), the message names the flag', async () => {
  const url = await startGate(['--marathon-timeout', '0.5']);
  const r = await postApp(url, '/timeout/short');
  assert.equal(r.status, 503, r.body);
  assert.match(r.body, /no answer within 0\.5 s \(--marathon-timeout\)/);
});

test('a read slower than the default 5 s: with a --marathon-timeout above it the gate reads the deployed apps and judges the write', async () => {
  const url = await startGate(['--marathon-timeout', '9']);
  const deadline = Date.now() + 12_000;
  let error: string | null = 'not asked yet';
  while (error !== null && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    error = (JSON.parse(await (await fetch(`${url}/_gate/healthz`)).text()) as { clusterState: { error: string | null } }).clusterState.error;
  }
  assert.equal(error, null);
  const r = await postApp(url, '/timeout/long');
  assert.equal(r.status, 201, r.body);
});
