// A stand-in cluster on loopback to try "Test mount where the app will run" without a cluster: the stand-in Mesos
// master and Marathon (test/standins/), and real `dvdi-bridge serve` processes for five agents in zones a and b
// (two where the volume mounts, one whose attach fails, one without the driver, one without the dvdi attribute).
// Usage (as root, after `npm run build`): node scripts/demo-cluster.mjs   — Ctrl-C stops everything.
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const imp = (p) => tsImport(join(root, p), import.meta.url);
const { startLab } = await imp('test/cluster/lab.ts');
const { setBridgeApp, setBridgeTasks } = await imp('test/cluster/bridgeApp.ts');
const { infoFor, startStandinMarathon } = await imp('test/standins/marathon/standin.ts');

const lab = await startLab([
  { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
  { zone: 'a', rexray: 'ok', attributes: { dvdi: 'true' } },
  { zone: 'b', rexray: 'error500', attributes: { dvdi: 'true' } },
  { zone: 'b', rexray: 'none', attributes: { dvdi: 'true' } },
  { zone: 'b', rexray: 'ok', attributes: {}, bridge: false },
]);
// A Marathon with --mesos_role "*" (its default), not the example info.json's DC/OS "slave_public", under which the
// apps without role would run as slave_public (cluster/src/placement/marathonRole.ts).
const marathon = await startStandinMarathon({ info: infoFor('1.10.26', { mesos_role: '*' }) });
setBridgeApp(marathon, { id: '/dvdi-bridge', instances: 4, constraints: [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']], healthChecks: [{ protocol: 'MESOS_HTTP', path: '/healthz', portIndex: 0 }] });
setBridgeTasks(marathon, lab);
const app = join(lab.dir, 'shop-db.json');
writeFileSync(app, JSON.stringify({ id: '/shop/db', cmd: 'sleep 1000', cpus: 0.5, mem: 256, constraints: [['dvdi', 'IS', 'true']], container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: 'data', provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] } }, null, 2) + '\n');

const bridge = join(root, 'agent-bridge/bin/dvdi-bridge.cjs');
console.log(`stand-in cluster up (Ctrl-C stops it)
  Marathon      ${marathon.url}
  Mesos master  ${lab.master.url}
  bridges       ${lab.agents.filter((a) => a.bridgeUrl).map((a) => `${a.hostname} (zone ${a.spec.zone})`).join(', ')}
  bridge token  ${lab.token}   (file: ${lab.tokenFile})

CLI:
  node ${bridge} dry-run --app ${app} --marathon ${marathon.url} --mesos ${lab.master.url} --token-file ${lab.tokenFile} --all
  node ${bridge} scale --marathon ${marathon.url} --mesos ${lab.master.url} --app /dvdi-bridge --dry-run

VS Code settings (then open ${app} and use the lenses; the bridge token is asked for once):
  "marathon.cluster.url": "${marathon.url}",
  "marathon.cluster.mesosUrl": "${lab.master.url}"`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await marathon.close();
  await lab.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
