// Section "gate": the latency marathon-gate adds in front of Marathon, against going to Marathon directly, in
// one run: the stand-in Marathon (test/standins/marathon) holding 1,000 deployed apps with external volumes,
// and the gate, each as its own process on loopback; this process is the client (keep-alive, one request at a
// time, direct and through the gate interleaved so both see the same machine load).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';

export const title = 'gate: latency marathon-gate adds over going to Marathon (stand-in) directly';

const agent = new Agent({ keepAlive: true, maxSockets: 4 });
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil((p / 100) * xs.length) - 1)];
const ms = (x) => `${x.toFixed(2)} ms`;

function call(method, url, body) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const req = request(url, { method, agent, headers: body ? { 'Content-Type': 'application/json' } : {} }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode, ms: performance.now() - t0 }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Starts a child and resolves with the first line matching `pattern` on the given stream. */
function startChild(cmd, args, stream, pattern, cwd) {
  const child = spawn(cmd, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    const rl = createInterface({ input: child[stream] });
    rl.on('line', (line) => {
      const m = pattern.exec(line);
      if (m) resolve({ child, url: m[1] });
    });
    child.once('exit', (code) => reject(new Error(`${args.join(' ')} exited (${code}) before it listened`)));
  });
}

const dvdiApp = (id, volume, instances = 1) => ({
  id, cmd: 'sleep 1000', cpus: 0.1, mem: 64, instances, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: volume, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
});

export async function run({ root, runs, log }) {
  const dir = mkdtempSync(join(tmpdir(), 'gate-bench-'));
  const deployed = { id: '/', apps: [], pods: [], dependencies: [], groups: Array.from({ length: 10 }, (_, g) => ({
    id: `/team${g}`, apps: Array.from({ length: 100 }, (_, i) => dvdiApp(`/team${g}/svc${i}`, `vol-${g}-${i}`)), pods: [], groups: [], dependencies: [],
  })) };
  writeFileSync(join(dir, 'root.json'), JSON.stringify(deployed));
  const children = [];
  try {
    const marathon = await startChild(process.execPath, ['--import', 'tsx', 'test/standins/marathon/main.ts', '--port', '0', '--root-group', join(dir, 'root.json')], 'stdout', /^(http:\/\/\S+)/, root);
    children.push(marathon.child);
    const m = marathon.url.replace(/\/$/, '');
    const gate = await startChild(process.execPath, [join(root, 'gate/bin/marathon-gate.cjs'), '--listen', '127.0.0.1:0', '--marathon', m], 'stderr', /"msg":"listening","url":"([^"]+)"/, root);
    children.push(gate.child);
    const g = gate.url;
    log(`bench gate: stand-in ${m}, gate ${g}, 1,000 apps deployed`);
    await call('GET', `${g}/_gate/healthz`);

    const singles = Math.max(200, runs * 60);
    const post = { direct: [], gate: [] };
    for (let i = -20; i < singles; i++) {
      const d = await call('POST', `${m}/v2/apps`, JSON.stringify(dvdiApp(`/bench/direct${i + 20}`, `bench-d-${i + 20}`)));
      const v = await call('POST', `${g}/v2/apps`, JSON.stringify(dvdiApp(`/bench/gated${i + 20}`, `bench-g-${i + 20}`)));
      if (d.status !== 201 || v.status !== 201) throw new Error(`single-app POST answered ${d.status} direct, ${v.status} through the gate`);
      if (i >= 0) post.direct.push(d.ms), post.gate.push(v.ms);
    }
    log('bench gate: 1,000-app group PUTs');
    const groupBody = JSON.stringify({ id: '/bulk', apps: Array.from({ length: 1000 }, (_, i) => dvdiApp(`app${i}`, `bulk-${i}`)) });
    const puts = { direct: [], gate: [] };
    const groupRuns = Math.max(20, runs * 6);
    for (let i = -3; i < groupRuns; i++) {
      const d = await call('PUT', `${m}/v2/groups/bulk?force=true`, groupBody);
      const v = await call('PUT', `${g}/v2/groups/bulk?force=true`, groupBody);
      if (d.status !== 200 || v.status !== 200) throw new Error(`group PUT answered ${d.status} direct, ${v.status} through the gate`);
      if (i >= 0) puts.direct.push(d.ms), puts.gate.push(v.ms);
    }
    // The same group with one app changed each time (a new `mem`): the body as a whole is new every time.
    log('bench gate: 1,000-app group PUTs, one app changed each time');
    const changed = { direct: [], gate: [] };
    for (let i = -3; i < groupRuns; i++) {
      const body = (k) => JSON.stringify({ id: '/bulk', apps: Array.from({ length: 1000 }, (_, j) => j === 0 ? { ...dvdiApp(`app${j}`, `bulk-${j}`), mem: 64 + k } : dvdiApp(`app${j}`, `bulk-${j}`)) });
      const d = await call('PUT', `${m}/v2/groups/bulk?force=true`, body(2 * i + 10));
      const v = await call('PUT', `${g}/v2/groups/bulk?force=true`, body(2 * i + 11));
      if (d.status !== 200 || v.status !== 200) throw new Error(`group PUT answered ${d.status} direct, ${v.status} through the gate`);
      if (i >= 0) changed.direct.push(d.ms), changed.gate.push(v.ms);
    }
    log('bench gate: pass-through GETs');
    const gets = { direct: [], gate: [] };
    for (let i = -50; i < 1000; i++) {
      const d = await call('GET', `${m}/v2/apps/team3/svc7`);
      const v = await call('GET', `${g}/v2/apps/team3/svc7`);
      if (i >= 0) gets.direct.push(d.ms), gets.gate.push(v.ms);
    }
    log('bench gate: event stream');
    const arrivals = { direct: new Map(), gate: new Map() };
    const streams = [];
    for (const [name, base] of [['direct', m], ['gate', g]]) {
      const res = await new Promise((resolve, reject) => request(`${base}/v2/events?event_type=api_post_event`, { headers: { Accept: 'text/event-stream' } }, resolve).on('error', reject).end());
      streams.push(res);
      let buf = '';
      res.setEncoding('utf8');
      res.on('data', (c) => {
        const now = performance.now();
        buf += c;
        for (let i = buf.indexOf('\r\n\r\n'); i !== -1; i = buf.indexOf('\r\n\r\n')) {
          const id = /"uri":"\/v2\/apps\/sse\/(\d+)"/.exec(buf.slice(0, i))?.[1];
          if (id !== undefined) arrivals[name].set(id, now);
          buf = buf.slice(i + 4);
        }
      });
    }
    await new Promise((r) => setTimeout(r, 200));
    for (let i = 0; i < 200; i++) {
      await call('POST', `${m}/v2/apps`, JSON.stringify({ id: `/sse/${i}`, cmd: 'sleep 100' }));
      await new Promise((r) => setTimeout(r, 2));
    }
    await new Promise((r) => setTimeout(r, 500));
    for (const st of streams) st.destroy();
    const sse = { direct: [], gate: [] };
    for (const [id, t] of arrivals.direct) if (arrivals.gate.has(id)) sse.direct.push(0), sse.gate.push(arrivals.gate.get(id) - t);
    const row = (name, s, p, goal) => {
      const added = pct(s.gate, p) - pct(s.direct, p);
      return `| ${name} | p${p} | ${ms(pct(s.direct, p))} | ${ms(pct(s.gate, p))} | ${ms(added)} | ${goal} | ${(pct(s.gate, p) / pct(s.direct, p)).toFixed(2)}× |`;
    };
    return [
      `stand-in Marathon with 1,000 deployed dvdi apps; sequential keep-alive requests, direct and through the gate interleaved; ` +
        `${singles} POSTs, ${groupRuns} group PUTs (${(groupBody.length / 1024).toFixed(0)} KiB) of the same body and ${groupRuns} with one app changed, 1,000 GETs each`,
      '',
      '| request | percentile | direct to Marathon | through marathon-gate | added by the gate | goal (added) | ratio |',
      '| --- | --- | ---: | ---: | ---: | --- | ---: |',
      row('single-app POST /v2/apps (1,000 apps deployed)', post, 50, ''),
      row('single-app POST /v2/apps (1,000 apps deployed)', post, 99, '≤ 5 ms'),
      row('1,000-app PUT /v2/groups/bulk', puts, 50, ''),
      row('1,000-app PUT /v2/groups/bulk', puts, 99, '≤ 50 ms'),
      row('1,000-app PUT /v2/groups/bulk, one app changed each time', changed, 50, ''),
      row('1,000-app PUT /v2/groups/bulk, one app changed each time', changed, 99, ''),
      row('pass-through GET /v2/apps/{id}', gets, 50, '≤ 1 ms'),
      row('pass-through GET /v2/apps/{id}', gets, 99, ''),
      `| /v2/events: ${sse.gate.length} of 200 events, arrival through the gate after the direct stream's | p50 | | | ${ms(pct(sse.gate, 50))} | no buffering | |`,
      `| /v2/events (same) | p99 | | | ${ms(pct(sse.gate, 99))} | | |`,
    ];
  } finally {
    for (const c of children) c.kill('SIGTERM');
    agent.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
