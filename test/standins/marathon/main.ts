// Stand-in Marathon as a command, following ../shared/reference/marathon-api.md (see ./standin.ts).
// Usage: node --import tsx test/standins/marathon/main.ts [--port N] [--root-group FILE] [--version V]
//        [--token T | --credentials user:password] [--heartbeat-ms N] [--new-group-enforce-role Off|Top] [--mesos-role R]
//        [--fault slow:MS | html:STATUS | huge:BYTES | huge-declared:BYTES | status:CODE | close-mid-body[:MS] | no-leader | redirect:STATUS | forbidden]
//        A fault ending in @PATH (e.g. slow:400@/v2/info) hits only the paths starting with PATH.
// Prints the URL on stdout's first line, then serves until SIGINT/SIGTERM.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import { normalizeGroup } from '@marathon-devtools/cluster/marathon/client';
import { infoFor, startStandinMarathon, type StandinAuth, type StandinFault } from './standin';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '0' },
    'root-group': { type: 'string' },
    version: { type: 'string', default: '1.10.26' },
    features: { type: 'string' },
    'new-group-enforce-role': { type: 'string' },
    'mesos-role': { type: 'string' },
    token: { type: 'string' },
    credentials: { type: 'string' },
    'heartbeat-ms': { type: 'string', default: '10000' },
    fault: { type: 'string' },
  },
});

function faultFrom(spec: string | undefined): StandinFault | undefined {
  if (!spec) return undefined;
  const [kind, arg] = spec.split(':');
  const n = Number(arg);
  if (kind === 'slow') return { kind: 'slow', delayMs: n };
  if (kind === 'html') return { kind: 'html', status: n || 200 };
  if (kind === 'huge') return { kind: 'huge', bytes: n };
  if (kind === 'huge-declared') return { kind: 'huge', bytes: n, declareLength: true };
  if (kind === 'status') return { kind: 'status', status: n };
  if (kind === 'close-mid-body') return { kind: 'close-mid-body', afterMs: arg === undefined ? undefined : n };
  if (kind === 'no-leader') return { kind: 'no-leader' };
  if (kind === 'redirect') return { kind: 'redirect', status: n || 302 };
  console.error(`standin-marathon: unknown --fault ${spec}`);
  process.exit(2);
}

let rootGroup: GroupInfo | undefined;
if (values['root-group']) {
  try {
    rootGroup = normalizeGroup(JSON.parse(readFileSync(values['root-group'], 'utf8')) as GroupInfo);
  } catch (err) {
    console.error(`standin-marathon: ${values['root-group']}: ${(err as Error).message}`);
    process.exit(2);
  }
}
let auth: StandinAuth = { kind: 'none' };
if (values.fault === 'forbidden') auth = { kind: 'forbidden' };
else if (values.token) auth = { kind: 'token', token: values.token };
else if (values.credentials) {
  const i = values.credentials.indexOf(':');
  auth = { kind: 'basic', user: values.credentials.slice(0, i), password: values.credentials.slice(i + 1) };
}
const features = values.features ? values.features.split(',').filter(Boolean) : undefined;
// Marathon's --new_group_enforce_role, which /v2/info reports from 1.9 on (marathon-api.md §9); no such flag before.
const enforce = values['new-group-enforce-role'];
if (enforce !== undefined && !('new_group_enforce_role' in (infoFor(values.version).marathon_config as object))) {
  console.error(`standin-marathon: Marathon ${values.version} has no --new_group_enforce_role`);
  process.exit(2);
}
const standin = await startStandinMarathon({
  port: Number(values.port),
  rootGroup,
  auth,
  info: infoFor(values.version, {
    ...(features ? { features } : {}),
    ...(enforce !== undefined ? { new_group_enforce_role: enforce } : {}),
    // Marathon's --mesos_role (marathon-api.md §9 marathon_config.mesos_role); the example info.json's slave_public otherwise.
    ...(values['mesos-role'] !== undefined ? { mesos_role: values['mesos-role'] } : {}),
  }),
  heartbeatMs: Number(values['heartbeat-ms']),
});
if (values.fault !== 'forbidden') {
  // `slow:400@/v2/info`: the answers a client awaits together can then arrive in either order.
  const [spec, pathPrefix] = (values.fault ?? '').split('@');
  standin.setFault(faultFrom(spec), pathPrefix);
}
console.log(standin.url);
const stop = () => void standin.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
