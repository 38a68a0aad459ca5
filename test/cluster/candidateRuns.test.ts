// runOnCandidates against real bridges on loopback: agents in two zones, one whose attach fails, one without the
// driver, one whose bridge is gone; bounded concurrency; the summary names what differs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Socket } from 'node:net';
import { runOnCandidates, summarizeRuns, type VolumeUnderTest, type CandidateBridge } from '@marathon-devtools/agent-bridge/client/candidateRuns';
import { startLab, type Lab } from './lab';

let lab: Lab;
before(async () => {
  lab = await startLab([
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
    { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
    { zone: 'b', rexray: 'error500', attributes: { dvdi: 'true' } },
    { zone: 'b', rexray: 'none', attributes: { dvdi: 'true' } },
  ]);
});
after(() => lab?.close());

const volume: VolumeUnderTest = { pointer: '/container/volumes/0/external', driver: 'rexray', name: 'data', options: {}, containerPath: '/data', mode: 'RW', engine: 'docker-volume' };
const candidates = (): CandidateBridge[] => lab.agents.map((a) => ({ agent: a.mesos.id, hostname: a.hostname, zone: a.spec.zone, url: a.bridgeUrl! }));

test('all candidates: verdict per agent, engine fallback noted, summary names the odd ones with their zone', async () => {
  let inFlight = 0;
  let maxInFlight = 0;
  const runs = await runOnCandidates(candidates(), [volume], {
    token: () => lab.token,
    concurrency: 2,
    onEvent: (e) => {
      if (!e.step && !e.run) maxInFlight = Math.max(maxInFlight, ++inFlight);
      if (e.run) inFlight--;
    },
  });
  assert.deepEqual(runs.map((r) => r.verdict), ['mounted-and-released', 'mounted-and-released', 'failed', 'failed']);
  assert.ok(maxInFlight <= 2, `at most 2 at once, saw ${maxInFlight}`);
  assert.match(runs[0].detail ?? '', /cannot run the docker-volume engine/);
  assert.match(runs[2].detail ?? '', /backend exploded/);
  assert.match(runs[3].detail ?? '', /no socket or spec for driver "rexray"/);
  for (const r of runs) assert.ok(r.ms >= 0 && r.ms < 30_000);
  const [line] = summarizeRuns(runs);
  assert.match(line, /^rexray\/data mounts on 2 of 4 candidates; 127\.0\.0\.13 in zone b: failed \(.*backend exploded.*\); 127\.0\.0\.14 in zone b: failed \(no socket or spec/);
});

test('an unreachable bridge and a wrong token are verdicts of that agent, not a crash of the run', async () => {
  const c = candidates();
  const gone: CandidateBridge = { agent: 'gone', hostname: '127.0.0.99', zone: 'c', url: 'ws://127.0.0.1:9/v1' };
  const runs = await runOnCandidates([c[0], gone], [volume, { ...volume, name: 'missing-logs', pointer: '/container/volumes/1/external' }], { token: (x) => (x.agent === 'gone' ? 'x' : lab.token) });
  assert.deepEqual(runs.map((r) => `${r.hostname} ${r.volume.name} ${r.verdict}`), ['127.0.0.11 data mounted-and-released', '127.0.0.11 missing-logs would-create', '127.0.0.99 data unreachable', '127.0.0.99 missing-logs unreachable']);
  const bad = await runOnCandidates([c[1]], [volume], { token: () => 'wrong-token-wrong-token' });
  assert.equal(bad[0].verdict, 'unauthorized');
  assert.match(bad[0].detail ?? '', /rejected the token/);
  const lines = summarizeRuns(runs);
  assert.equal(lines.length, 2);
  assert.match(lines[1], /missing-logs mounts on 0 of 2 candidates; 127\.0\.0\.11 in zone a: would-create/);
});

test('the env-var (mesos-module-dvdi) form with a relative containerPath is refused as the module refuses it, not mounted', async () => {
  const moduleLab = await startLab([{ zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' }, engine: 'dvdi-module' }]);
  try {
    const a = moduleLab.agents[0];
    const env: VolumeUnderTest = { pointer: '/env/DVDI_VOLUME_NAME', driver: 'rexray', name: 'data', options: {}, containerPath: 'data', mode: 'RW', engine: 'dvdi-module' };
    const [run] = await runOnCandidates([{ agent: a.mesos.id, hostname: a.hostname, zone: 'a', url: a.bridgeUrl! }], [env], { token: () => moduleLab.token });
    assert.equal(run.verdict, 'refused', JSON.stringify(run));
    assert.match(run.detail ?? '', /containerpaths must start with \//);
  } finally {
    await moduleLab.close();
  }
});

test('cancelled (Ctrl-C) before a bridge\'s turn: its volumes are cancelled and it is not even connected to', async () => {
  const sockets: Socket[] = [];
  // An agent that accepts TCP and never answers the handshake (a firewall, a wedged host): not a bridge stand-in.
  const blackHole = createServer((s) => sockets.push(s));
  await new Promise<void>((r) => blackHole.listen(0, '127.0.0.1', () => r()));
  try {
    const port = (blackHole.address() as { port: number }).port;
    const wedged: CandidateBridge = { agent: 'wedged', hostname: '127.0.0.98', zone: 'c', url: `ws://127.0.0.1:${port}/v1` };
    const runs = await runOnCandidates([wedged], [volume], { token: () => lab.token, signal: AbortSignal.abort(), connect: { connectTimeoutMs: 2000 } });
    assert.deepEqual(runs.map((r) => r.verdict), ['cancelled'], JSON.stringify(runs));
    assert.equal(sockets.length, 0, 'no connection to a bridge whose run was cancelled before it began');
  } finally {
    for (const s of sockets) s.destroy();
    blackHole.close();
  }
});
