// Generates a Marathon group of N realistic apps (Docker containers, port mappings, health checks,
// constraints, env, labels; every 5th app has an external dvdi volume). Every 20th app (5%) carries
// one mistake, rotating over schema-level and semantic kinds, so every tool under test has work to do.
// Deterministic: the same N always gives the same bytes.  Usage: node bench/gen.mjs <N> <out.json>
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const TEAMS = ['payments', 'search', 'ingest', 'billing', 'edge'];

export function makeApp(i) {
  const name = `app-${String(i).padStart(5, '0')}`;
  const team = TEAMS[i % TEAMS.length];
  const withVolume = i % 5 === 0;
  const app = {
    id: `/bench/${name}`, // apps of a group must be its direct children
    cmd: 'exec ./bin/server --port $PORT0',
    cpus: 0.5,
    mem: 256,
    instances: withVolume ? 1 : 1 + (i % 4),
    container: {
      type: 'DOCKER',
      docker: {
        image: `registry.example.com/${team}/${name}:1.${i % 10}.0`,
        network: 'BRIDGE',
        portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp', name: 'http' }],
      },
    },
    healthChecks: [{ protocol: 'HTTP', path: '/health', portIndex: 0, gracePeriodSeconds: 60, intervalSeconds: 30, timeoutSeconds: 10, maxConsecutiveFailures: 3 }],
    constraints: [['hostname', 'UNIQUE']],
    env: { LOG_LEVEL: 'info', TEAM: team },
    labels: { team },
    upgradeStrategy: withVolume ? { minimumHealthCapacity: 0.5, maximumOverCapacity: 0 } : { minimumHealthCapacity: 0.5, maximumOverCapacity: 0.2 },
  };
  if (withVolume) {
    app.container.volumes = [{ containerPath: '/data', mode: 'RW', external: { name: `${name}-data`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }];
  }
  if (i % 20 === 7) injectError(app, Math.floor(i / 20) % 8, name);
  return app;
}

function injectError(app, kind, name) {
  switch (kind) {
    case 0: app.cpus = '0.5'; break; // type
    case 1: app.container.docker.network = 'BRIDGED'; break; // enum
    case 2: app.healthChecks[0].portIndex = 3; break; // semantic: no such port
    case 3: // semantic: an external volume with 3 instances and a non-zero overcapacity
      app.container.volumes = [{ containerPath: '/data', mode: 'RW', external: { name: `${name}-data`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }];
      app.instances = 3;
      break;
    case 4: app.container.docker.portMappings[0].protocol = 'sctp,tcp,x'; break; // enum / pattern in an array
    case 5: app.healthChecks[0].maxConsecutiveFailures = -1; break; // minimum
    case 6: app.id = '/bench/App_Bad'; break; // pattern
    case 7: app.upgradeStrategy.minimumHealthCapacity = 1.5; break; // maximum
  }
}

export function makeGroup(n) {
  const apps = [];
  for (let i = 0; i < n; i++) apps.push(makeApp(i));
  return { id: '/bench', apps };
}

// Hand-written style: a value stays on one line when it fits in 80 columns, otherwise it is expanded.
export function pretty(value, indent = '', column = indent.length) {
  const inline = JSON.stringify(value, null, 1).replace(/\n\s*/g, ' ').replace(/\[ /g, '[').replace(/ \]/g, ']');
  if (value === null || typeof value !== 'object' || column + inline.length <= 80) return inline;
  const inner = indent + '  ';
  if (Array.isArray(value)) return '[\n' + value.map((v) => inner + pretty(v, inner)).join(',\n') + '\n' + indent + ']';
  const entries = Object.entries(value).map(([k, v]) => {
    const head = inner + JSON.stringify(k) + ': ';
    return head + pretty(v, inner, head.length);
  });
  return '{\n' + entries.join(',\n') + '\n' + indent + '}';
}

export function writeGroup(n, out) {
  writeFileSync(out, pretty(makeGroup(n)) + '\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const [n, out] = process.argv.slice(2);
  if (!n || !out) {
    console.error('usage: node bench/gen.mjs <N> <out.json>');
    process.exit(2);
  }
  writeGroup(Number(n), out);
}
