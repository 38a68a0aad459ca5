// The gate judging writes in front of the stand-in Marathon, over real loopback HTTP: deny, warn and audit,
// the group bypass closed, accepted bodies byte for byte, a 5 MB group, both fail modes with Marathon down.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import type { RunningGate } from '../../gate/src/gate';
import { call, gateDenial, gateInFrontOf } from './harness';

let marathon: StandinMarathon;
const gates: RunningGate[] = [];
before(async () => {
  marathon = await startStandinMarathon();
});
after(async () => {
  for (const g of gates) await g.close();
  await marathon.close();
});
async function gate(o: Parameters<typeof gateInFrontOf>[1] = {}, url = marathon.url): Promise<RunningGate> {
  const g = await gateInFrontOf(url, o);
  gates.push(g);
  return g;
}

const dvdiVolume = (name: string) => ({ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
const dvdiApp = (id: string, name: string) => ({
  id, cmd: 'sleep 1000', cpus: 0.1, mem: 64, instances: 1, upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  container: { type: 'MESOS', volumes: [dvdiVolume(name)] },
});
const noName = (id: string) => ({ id, cmd: 'sleep 1000', container: { type: 'MESOS', volumes: [{ containerPath: 'var', external: { size: 10 }, mode: 'RW' }] } });
const received = (path: string) => marathon.requests.filter((r) => r.path === path && r.method !== 'GET');

test('deny: an invalid app gets Marathon\'s 422 body and never reaches Marathon', async () => {
  const g = await gate();
  const a = await call('POST', `${g.url}/v2/apps?force=true`, JSON.stringify(noName('/deny/web')));
  assert.equal(a.status, 422);
  assert.equal(a.headers['content-type'], 'application/json');
  const d = gateDenial(a)!;
  assert.equal(d.message, 'Object is not valid');
  assert.deepEqual(d.details.map((x) => x.path).sort(), ['/container/volumes(0)/external/name', '/container/volumes(0)/external/provider']);
  assert.match(d.details.find((x) => x.path.endsWith('/name'))!.errors[0], /\(external-volume-name-required\)$/);
  assert.equal(received('/v2/apps').filter((r) => r.body.includes('/deny/web')).length, 0);
});

test('the bypass is closed: an invalid app inside PUT /v2/groups is denied, paths relative to that app', async () => {
  const g = await gate();
  const body = JSON.stringify({ id: '/bypass', apps: [{ id: 'ok', cmd: 'sleep 100' }, noName('db')] });
  const a = await call('PUT', `${g.url}/v2/groups/bypass`, body);
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.deepEqual(d.details.map((x) => x.path).sort(), ['/container/volumes(0)/external/name', '/container/volumes(0)/external/provider']);
  assert.ok(d.details[0].errors[0].startsWith('/bypass/db: '), 'names the app');
  assert.equal(received('/v2/groups/bypass').length, 0);
});

test('a valid group reaches Marathon byte for byte, with its answer unchanged', async () => {
  const g = await gate();
  // Odd spacing, key order and a unicode escape: the gate must not re-serialize.
  const body = `{ "id":"/bytes",\n  "apps":[ {"cmd":"echo \\u00e9t\\u00e9","id":"web", "instances":1}  ] }\n`;
  const before = marathon.requests.length;
  const a = await call('PUT', `${g.url}/v2/groups/bytes?force=true`, body, { 'Content-Type': 'application/json' });
  assert.equal(a.status, 200, a.body);
  assert.ok(a.headers['marathon-deployment-id']);
  const got = marathon.requests.slice(before).filter((r) => r.path === '/v2/groups/bytes');
  assert.equal(got.length, 1);
  assert.equal(got[0].body, body);
  assert.equal(got[0].query, '?force=true');
});

test('warn: nothing refused, every finding a bounded Warning header, the write reaches Marathon', async () => {
  const g = await gate({ mode: 'warn' });
  const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(noName('/warn/web')));
  assert.equal(a.status, 201, a.body);
  const warnings = ([] as string[]).concat(a.headers.warning ?? []);
  // Node joins repeated headers with ", " for Warning; split on the 299 agent marker.
  const values = warnings.join(', ').split(/, (?=299 )/);
  assert.ok(values.length >= 2, JSON.stringify(values));
  for (const v of values) {
    assert.match(v, /^299 marathon-gate ".*"$/);
    assert.ok(v.length < 256);
  }
  assert.ok(values.some((v) => v.includes('/container/volumes(0)/external/name') && v.includes('(external-volume-name-required)')));
  assert.equal(received('/v2/apps').filter((r) => r.body.includes('/warn/web')).length, 1);
});

test('audit: the client sees Marathon\'s answer unchanged; findings are logged and counted', async () => {
  const logs: Record<string, unknown>[] = [];
  const g = await gate({ mode: 'audit', logs });
  const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(noName('/audit/web')));
  assert.equal(a.status, 201);
  assert.equal(a.headers.warning, undefined);
  assert.equal(JSON.parse(a.body).id, '/audit/web');
  const entry = logs.find((l) => l.decision === 'audited') as { findings: { ruleId: string }[] } | undefined;
  assert.ok(entry, JSON.stringify(logs));
  assert.ok(entry.findings.some((f) => f.ruleId === 'external-volume-name-required'));
  const metrics = (await call('GET', `${g.url}/_gate/metrics`)).body;
  assert.match(metrics, /marathon_gate_findings_total\{rule="external-volume-name-required",severity="error",mode="audit"\} 1/);
  assert.match(metrics, /marathon_gate_requests_total\{route="POST \/v2\/apps",decision="audited"\} 1/);
});

test('a volume name a deployed app already uses is denied in the root-group form; the owner may update itself', async () => {
  const g = await gate();
  assert.equal((await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/vol/owner', 'pgdata')))).status, 201);
  const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/vol/thief', 'pgdata')));
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.match(d.details[0].path, /^\/groups\(\d+\)\/apps\(\d+\)\/externalVolumes\(0\)$/);
  assert.match(d.details[0].errors[0], /Volume name 'pgdata' in \/vol\/thief conflicts with volume\(s\) of same name in app\(s\): \/vol\/owner/);
  assert.equal((await call('PUT', `${g.url}/v2/apps/vol/owner`, JSON.stringify({ instances: 1 }))).status, 200);
  // After a DELETE through the gate the name is free again.
  assert.equal((await call('DELETE', `${g.url}/v2/apps/vol/owner?force=true`)).status, 200);
  assert.equal((await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/vol/thief', 'pgdata')))).status, 201);
});

test('a partial update is judged merged with the deployed app', async () => {
  const g = await gate();
  assert.equal((await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/merge/db', 'mergevol')))).status, 201);
  // Alone, {"instances": 2} is fine; merged with a dvdi app it breaks dvdi-single-instance.
  const a = await call('PUT', `${g.url}/v2/apps/merge/db`, JSON.stringify({ instances: 2 }));
  const d = gateDenial(a);
  assert.ok(d, `${a.status} ${a.body}`);
  assert.ok(d.details.some((x) => x.path === '/instances' && x.errors.some((e) => e.endsWith('(dvdi-single-instance)'))), a.body);
  assert.equal((await call('PUT', `${g.url}/v2/apps/merge/db?partialUpdate=false`, JSON.stringify({ cmd: 'sleep 1000', instances: 2 }))).status, 200);
});

test('unparsable bodies and bodies Marathon cannot read go to Marathon untouched', async () => {
  const g = await gate();
  const a = await call('POST', `${g.url}/v2/apps`, '{"id": "/x", ');
  assert.equal(a.status, 400);
  assert.equal(JSON.parse(a.body).message, 'Invalid JSON');
  const before = marathon.requests.length;
  const form = await call('POST', `${g.url}/v2/apps`, 'id=/x', { 'Content-Type': 'application/x-www-form-urlencoded' });
  assert.equal(gateDenial(form), undefined);
  assert.equal(marathon.requests.slice(before).find((r) => r.path === '/v2/apps')?.body, 'id=/x');
});

test('a 5 MB group body is judged whole: valid reaches Marathon, one bad app in it is denied', async () => {
  const g = await gate();
  const apps = Array.from({ length: 2500 }, (_, i) => ({ id: `app${i}`, cmd: 'sleep 1000', cpus: 0.01, mem: 32, labels: { team: 'x'.repeat(2100), n: String(i) } }));
  const body = JSON.stringify({ id: '/big', apps });
  assert.ok(body.length > 5 * 1024 * 1024, `${body.length} bytes`);
  const ok = await call('PUT', `${g.url}/v2/groups/big?force=true`, body);
  assert.equal(ok.status, 200, ok.body.slice(0, 300));
  assert.equal(marathon.requests.filter((r) => r.path === '/v2/groups/big').at(-1)?.body.length, body.length);
  (apps[1717] as Record<string, unknown>).container = { type: 'MESOS', volumes: [{ containerPath: 'v', mode: 'RW', external: { name: 'n', provider: 'dvdi' } }] };
  const bad = await call('PUT', `${g.url}/v2/groups/big?force=true`, JSON.stringify({ id: '/big', apps }));
  const d = gateDenial(bad);
  assert.ok(d, `${bad.status} ${bad.body.slice(0, 300)}`);
  assert.ok(d.details.some((x) => x.errors.some((e) => e.startsWith('/big/app1717: ') && e.endsWith('(dvdi-driver-required)'))), bad.body);
});

/** A gate whose Marathon is down: a stand-in started and closed again, so its port refuses connections. */
async function gateBeforeDownMarathon(fail: 'open' | 'closed'): Promise<RunningGate> {
  const down = await startStandinMarathon();
  await down.close();
  return gate({ fail, clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 500 } }, down.url);
}

test('fail closed with Marathon down: 503 in Marathon\'s error shape; document errors still 422', async () => {
  const g = await gateBeforeDownMarathon('closed');
  const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/down/db', 'downvol')));
  assert.equal(a.status, 503);
  const body = JSON.parse(a.body) as { message: string };
  assert.deepEqual(Object.keys(body), ['message']);
  assert.match(body.message, /cannot check this request against the deployed apps .*connection refused.*dvdi-name-unique-in-root-group/);
  assert.equal((await call('POST', `${g.url}/v2/apps`, JSON.stringify(noName('/down/web')))).status, 422);
  const health = JSON.parse((await call('GET', `${g.url}/_gate/healthz`)).body);
  assert.match(health.clusterState.error, /connection refused/);
});

test('fail open with Marathon down: forwarded with a Warning naming the skipped checks', async () => {
  const g = await gateBeforeDownMarathon('open');
  const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/down/db', 'downvol')));
  // Marathon itself is down, so the forward fails: 502 in Marathon's shape, still carrying the warning.
  assert.equal(a.status, 502);
  assert.match(JSON.parse(a.body).message, /could not reach Marathon/);
  assert.match(String(a.headers.warning), /299 marathon-gate "checks skipped, cluster state unavailable: dvdi-name-unique-in-root-group"/);
});

test('fail open while only the root group is unreadable: the write goes on with the Warning', async () => {
  const g = await gate({ fail: 'open', clusterState: { refreshMs: 60_000, maxAgeMs: 0, waitMs: 300 } });
  marathon.setFault({ kind: 'slow', delayMs: 1_500 }, '/v2/groups');
  try {
    const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/slow/db', 'slowvol')));
    assert.equal(a.status, 201, a.body);
    assert.match(String(a.headers.warning), /checks skipped, cluster state unavailable: dvdi-name-unique-in-root-group/);
  } finally {
    marathon.setFault(undefined);
  }
});

test('a body over the limit: deny answers 413; warn forwards it byte for byte with a Warning naming the size, not the cluster', async () => {
  const body = JSON.stringify({ ...noName('/huge/web'), labels: { pad: 'x'.repeat(4096) } });
  const deny = await call('POST', `${(await gate({ maxBodyBytes: 1024 })).url}/v2/apps`, body);
  assert.equal(deny.status, 413);
  assert.match(JSON.parse(deny.body).message, /reads request bodies up to 1024 bytes/);
  const warn = await call('POST', `${(await gate({ mode: 'warn', maxBodyBytes: 1024 })).url}/v2/apps`, body);
  assert.equal(warn.status, 201, warn.body);
  assert.equal(String(warn.headers.warning), '299 marathon-gate "checks skipped, the body is over the 1024 bytes the gate reads: every check"');
  assert.deepEqual(received('/v2/apps').filter((r) => r.body.includes('/huge/web')).map((r) => r.body), [body]);
});

test('fail closed while the root group read times out: the 503 says so, naming the flag that raises the timeout', async () => {
  // The harness reads with a 2 s timeout; Marathon answers /v2/groups after 2.5 s.
  const g = await gate({ clusterState: { refreshMs: 60_000, maxAgeMs: 0, waitMs: 3_000 } });
  marathon.setFault({ kind: 'slow', delayMs: 2_500 }, '/v2/groups');
  try {
    const a = await call('POST', `${g.url}/v2/apps`, JSON.stringify(dvdiApp('/timeout/db', 'timeoutvol')));
    assert.equal(a.status, 503, a.body);
    const { message } = JSON.parse(a.body) as { message: string };
    assert.match(message, /no answer within 2 s \(--marathon-timeout\)\), so it refuses it/);
  } finally {
    marathon.setFault(undefined);
  }
});

test('/_gate/audit lists the deployed apps that violate rules now, in marathon-lint\'s JSON format', async () => {
  const g = await gate({ mode: 'audit' });
  await call('POST', `${g.url}/v2/apps`, JSON.stringify(noName('/audited/web')));
  const a = await call('GET', `${g.url}/_gate/audit`);
  assert.equal(a.status, 200);
  const results = JSON.parse(a.body) as { file: string; kind: string; diagnostics: { ruleId: string; severity: string; message: string; pointer: string; range: unknown }[] }[];
  const web = results.find((r) => r.file === 'marathon:/audited/web');
  assert.ok(web, a.body.slice(0, 500));
  assert.equal(web.kind, 'app');
  assert.ok(web.diagnostics.some((d) => d.ruleId === 'external-volume-name-required'));
  assert.deepEqual(Object.keys(web.diagnostics[0]), ['ruleId', 'severity', 'message', 'pointer', 'range']);
});

test('/_gate/audit runs the root-group rules on the whole deployed root group: two apps posted past the gate share a volume', async () => {
  const g = await gate({ mode: 'audit' });
  for (const id of ['/past/one', '/past/two']) assert.equal((await call('POST', `${marathon.url}/v2/apps`, JSON.stringify(dvdiApp(id, 'sharedvol')))).status, 201);
  const results = JSON.parse((await call('GET', `${g.url}/_gate/audit`)).body) as { file: string; diagnostics: { ruleId: string; pointer: string; message: string }[] }[];
  for (const [id, other] of [['/past/one', '/past/two'], ['/past/two', '/past/one']]) {
    const clash = results.find((r) => r.file === `marathon:${id}`)?.diagnostics.find((d) => d.ruleId === 'dvdi-name-unique-in-root-group');
    assert.ok(clash, JSON.stringify(results).slice(0, 800));
    assert.equal(clash.pointer, '/container/volumes/0/external/name');
    assert.match(clash.message, new RegExp(`in ${id} conflicts with volume\\(s\\) of same name in app\\(s\\): ${other}`));
  }
});
