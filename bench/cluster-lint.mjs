// Section "cluster-lint": cluster-aware linting against a stand-in Marathon of 1,000 deployed apps (issue 13, Speed).
// (1) `marathon-lint --marathon URL app.json` vs the offline lint of the same file plus one measured round trip
//     (`GET /v2/info` and `GET /v2/groups?embed=…` in parallel, as the CLI reads them) — goal: ≤ offline + RT + 50 ms.
// (2) In the language server (real process over stdio, pull diagnostics), a keystroke (didChange + the document's
//     diagnostics) with the cluster's copy cached vs the same server offline — goal: within ±5 ms — and the
//     requests Marathon saw meanwhile (goal: none).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tsImport } from 'tsx/esm/api';
import { timeNodeAsync } from './measure.mjs';
import { makeApp } from './gen.mjs';

export const title = 'cluster-lint: one app file against 1,000 deployed apps, with --marathon vs offline + one round trip; a server keystroke with the cached cluster vs offline';

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x) => `${x.toFixed(1)} ms`;


/** 1,000 deployed apps in 20 groups (bench/gen.mjs: Docker, health checks, every 5th with an external volume). */
function deployedRoot() {
  const groups = Array.from({ length: 20 }, (_, g) => ({ id: `/bench/g${g}`, apps: [], pods: [], groups: [], dependencies: [] }));
  for (let i = 0; i < 1000; i++) {
    const app = makeApp(i);
    app.id = `/bench/g${i % 20}/app-${i}`;
    groups[i % 20].apps.push(app);
  }
  return { id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/bench', apps: [], pods: [], dependencies: [], groups }] };
}

/** The changed file: deployed app 5, now also using app 10's volume name (one finding naming a deployed app). */
function changedApp(cmd = 'exec ./bin/server --port $PORT0') {
  const app = makeApp(5);
  app.id = '/bench/g5/app-5';
  app.cmd = cmd;
  app.container.volumes[0].external.name = 'app-00010-data';
  return JSON.stringify(app, null, 2);
}

export async function run({ root, runs }) {
  const imp = (p) => tsImport(join(root, p), import.meta.url);
  const { startStandinMarathon, infoFor } = await imp('test/standins/marathon/standin.ts');
  const { MarathonClient } = await imp('cluster/src/marathon/client.ts');
  const { readSnapshot } = await imp('language-server/src/live/clusterSnapshot.ts');
  const { startClient } = await imp('test/lsp/lspClient.ts');
  // As installed: the bin, through its V8 code cache, written by an untimed --marathon run (a CI job's first run).
  const cli = join(root, 'language-server/bin/marathon-lint.cjs');
  const dir = mkdtempSync(join(tmpdir(), 'bench-cluster-lint-'));
  const env = { XDG_CACHE_HOME: join(dir, 'cache') };
  const file = join(dir, 'app-5.json');
  writeFileSync(file, changedApp());
  const m = await startStandinMarathon({ rootGroup: deployedRoot(), info: infoFor('1.10.26', { features: ['external_volumes'] }) });
  const lines = [];
  try {
    // (1) The CLI.
    const offline = [];
    const live = [];
    const rt = [];
    await timeNodeAsync([cli, '--marathon', m.url, file], env);
    for (let r = 0; r < runs + 1; r++) {
      const a = await timeNodeAsync([cli, file], env);
      const b = await timeNodeAsync([cli, '--marathon', m.url, file], env);
      if (!/dvdi-name-unique-in-root-group/.test(b.out) || !/already deployed/.test(b.out)) throw new Error(`marathon-lint --marathon did not find the deployed conflict: ${b.out}${b.err}`);
      const client = new MarathonClient({ url: m.url });
      const t0 = performance.now();
      await readSnapshot(client);
      const trip = performance.now() - t0;
      await client.close();
      if (r > 0) {
        offline.push(a.ms);
        live.push(b.ms);
        rt.push(trip);
      }
    }
    const [o, l, t] = [median(offline), median(live), median(rt)];
    const budget = o + t + 50;
    lines.push('| marathon-lint on one app file | median | ratio |', '| --- | --- | --- |');
    lines.push(`| offline: \`marathon-lint app-5.json\` | ${ms(o)} | 1.00 |`);
    lines.push(`| one round trip: \`/v2/info\` + \`/v2/groups\` (1,000 apps) in parallel, fresh connection | ${ms(t)} | ${(t / o).toFixed(2)} |`);
    lines.push(`| budget: offline + round trip + 50 ms | ${ms(budget)} | ${(budget / o).toFixed(2)} |`);
    lines.push(`| \`marathon-lint --marathon URL app-5.json\` | ${ms(l)} | ${(l / o).toFixed(2)} — ${l <= budget ? `within budget (${ms(budget - l)} to spare)` : `OVER budget by ${ms(l - budget)}`} |`);
    lines.push('');

    // (2) The server: a keystroke is didChange + textDocument/diagnostic, answered from the cached copy.
    const uri = 'untitled:app-5.json';
    const keystrokes = async (c) => {
      await c.open(uri, changedApp(), 1);
      const times = [];
      let last;
      for (let v = 2; v < 2 + 20 + 40 * runs; v++) {
        const t0 = performance.now();
        await c.change(uri, changedApp(`exec ./bin/server --port $PORT0 --n ${v}`), v);
        last = await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        if (v >= 22) times.push(performance.now() - t0);
      }
      return { median: median(times), items: last.items };
    };
    const offlineServer = await startClient({ pull: true, settings: () => ({}) });
    const off = await keystrokes(offlineServer);
    await offlineServer.shutdown();
    const liveServer = await startClient({ pull: true, settings: () => ({ cluster: { url: m.url } }) });
    await liveServer.waitClusterStatus((s) => s.state === 'connected' && s.updates === 'events', 30_000);
    const before = m.requests.length;
    const on = await keystrokes(liveServer);
    const during = m.requests.length - before;
    await liveServer.shutdown();
    if (!on.items.some((d) => d.code === 'dvdi-name-unique-in-root-group')) throw new Error('the server with the cluster did not report the deployed conflict');
    const d = on.median - off.median;
    lines.push('| language server, one keystroke (didChange + diagnostics, real process over stdio) | median | ratio |', '| --- | --- | --- |');
    lines.push(`| offline | ${ms(off.median)} | 1.00 |`);
    lines.push(`| with the cluster's copy cached (1,000 deployed apps) | ${ms(on.median)} | ${(on.median / off.median).toFixed(2)} — ${d >= 0 ? '+' : ''}${ms(d)}, ${Math.abs(d) <= 5 ? 'within ±5 ms' : 'OUTSIDE ±5 ms'}; requests to Marathon during ${20 + 40 * runs} keystrokes: ${during} |`);
  } finally {
    await m.close();
    rmSync(dir, { recursive: true, force: true });
  }
  return lines;
}
