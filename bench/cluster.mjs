// Section "cluster": Test mount where the app will run. (1) `dvdi-bridge dry-run --app --all` on 4 candidate agents
// (discovery through the stand-in Marathon and Mesos master, 4 real bridges on loopback with the fault-plugin stand-in
// really bind-mounting) vs what a user does without it: `dvdi-bridge dry-run --url` on each agent's bridge in turn,
// URLs already looked up. (2) Placement of one app over 5,000 agents vs fetching those agents from the master.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { timeNodeAsync } from './measure.mjs';

export const title = 'cluster: Test mount on all candidates vs one dry run per agent by hand; placement vs fetching the agents';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];


export async function run({ root, runs }) {
  const imp = (p) => tsImport(join(root, p), import.meta.url);
  const { startLab } = await imp('test/cluster/lab.ts');
  const { infoFor, startStandinMarathon } = await imp('test/standins/marathon/standin.ts');
  const { setBridgeApp, setBridgeTasks } = await imp('test/cluster/bridgeApp.ts');
  const { startMesosMaster } = await imp('test/standins/mesos-master/server.ts');
  const { agent } = await imp('test/standins/mesos-master/agents.ts');
  const { MesosMasterClient } = await imp('cluster/src/mesos/client.ts');
  const { placeApp } = await imp('cluster/src/placement/candidates.ts');
  const bridge = join(root, 'agent-bridge/dist/bridge.cjs');
  const lines = [];
  const lab = await startLab([0, 1, 2, 3].map((i) => ({ zone: i < 2 ? 'a' : 'b', rexray: 'ok', attributes: { dvdi: 'true' } })));
  // A Marathon with --mesos_role "*" (its default), not the example info.json's DC/OS "slave_public", under which the
  // apps without role would run as slave_public (cluster/src/placement/marathonRole.ts).
  const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
  try {
    setBridgeApp(marathon, { id: '/dvdi-bridge', constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']] });
    setBridgeTasks(marathon, lab);
    const app = join(lab.dir, 'app.json');
    writeFileSync(app, JSON.stringify({ id: '/db', cmd: 'x', constraints: [['dvdi', 'IS', 'true']], container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }));
    const ours = [];
    const byHand = [];
    for (let r = 0; r < runs + 1; r++) {
      const a = await timeNodeAsync([bridge, 'dry-run', '--app', app, '--marathon', marathon.url, '--mesos', lab.master.url, '--token-file', lab.tokenFile, '--all', '--json']);
      if (a.code !== 0 || JSON.parse(a.out).filter((x) => x.verdict === 'mounted-and-released').length !== 4) throw new Error(`dry-run --app --all did not mount on 4 agents: ${a.out}`);
      let hand = 0;
      for (const ag of lab.agents) {
        const b = await timeNodeAsync([bridge, 'dry-run', '--url', ag.bridgeUrl, '--token-file', lab.tokenFile, '--driver', 'rexray', '--name', 'data']);
        if (b.code !== 0) throw new Error(`dry-run --url ${ag.bridgeUrl} failed: ${b.out}`);
        hand += b.ms;
      }
      if (r > 0) {
        ours.push(a.ms);
        byHand.push(hand);
      }
    }
    const o = median(ours);
    const h = median(byHand);
    lines.push('| what | median | ratio |', '| --- | --- | --- |');
    lines.push(`| \`dvdi-bridge dry-run --app --all\`: discovery + placement + 4 candidates (concurrency 4) | ${o.toFixed(0)} ms | 1.00 |`);
    lines.push(`| \`dvdi-bridge dry-run --url\` on each of the 4 bridges in turn (URLs known) | ${h.toFixed(0)} ms | ${(h / o).toFixed(2)}× slower |`);
  } finally {
    await marathon.close();
    await lab.close();
  }
  // Placement over a large cluster costs less than reading that cluster once.
  const many = Array.from({ length: 5000 }, (_, i) => agent({ hostname: `10.1.${i >> 8}.${i & 255}`, attributes: { dvdi: i % 3 ? 'true' : 'false', rack: `r${i % 40}`, level: i % 7 }, region: 'eu', zone: `z${i % 3}` }, i));
  const master = await startMesosMaster({ agents: many, domain: { region: 'eu', zone: 'z0' } });
  try {
    const client = new MesosMasterClient({ url: master.url, timeoutMs: 60_000 });
    const fetchMs = [];
    const placeMs = [];
    let slaves;
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      slaves = (await client.getAgents()).slaves;
      fetchMs.push(performance.now() - t0);
    }
    const spec = { constraints: [['dvdi', 'IS', 'true'], ['rack', 'LIKE', 'r[0-9]+'], ['@zone', 'GROUP_BY', '3'], ['level', 'UNLIKE', '6']], acceptedResourceRoles: ['*'] };
    let n = placeApp(spec, slaves, { masterRegion: 'eu' }).candidates.length; // warm-up: the JIT, as in a running editor
    for (let r = 0; r < runs; r++) {
      const t0 = performance.now();
      n = placeApp(spec, slaves, { masterRegion: 'eu' }).candidates.length;
      placeMs.push(performance.now() - t0);
    }
    const f = median(fetchMs);
    const p = median(placeMs);
    lines.push('', `| 5,000 agents | median | ratio |`, '| --- | --- | --- |');
    lines.push(`| placement of one app with 4 constraints (${n} candidates) | ${p.toFixed(1)} ms | 1.00 |`);
    lines.push(`| GET /master/slaves of those agents (stand-in on loopback, parsed and checked) | ${f.toFixed(1)} ms | ${(f / p).toFixed(1)}× |`);
  } finally {
    await master.close();
  }
  return lines;
}
