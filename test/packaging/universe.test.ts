// The Universe packages (packaging/universe/*): package.json is packagingVersion 4.0, config.json is a valid JSON
// Schema whose defaults it accepts, and every template renders (mustache, Cosmos' way) to an app that our own
// marathon-lint passes with 0 errors, for the defaults and for the option combinations the template branches on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import fc from 'fast-check';
import { PACKAGES, readPackage, render } from '../../packaging/universe/render.mjs';
import { placeApp } from '@marathon-devtools/cluster/placement/candidates';
import { agent } from '../standins/mesos-master/agents';
import { SERVE_FLAGS } from '../../agent-bridge/src/cli/serveConfig';
import { parseGateArgs } from '../../gate/src/cli/args';

const root = join(import.meta.dirname, '../..');
const lintCli = join(root, 'language-server/dist/cli.cjs');

/** Universe's own rules for a 4.0 package.json (mesosphere/universe:repo/meta/schema/package-schema.json, v40Package). */
const V40_REQUIRED = ['packagingVersion', 'name', 'version', 'maintainer', 'description', 'tags', 'upgradesFrom', 'downgradesTo', 'minDcosReleaseVersion'];
const V40_ALLOWED = new Set([...V40_REQUIRED, 'scm', 'website', 'framework', 'preInstallNotes', 'postInstallNotes', 'postUninstallNotes', 'selected', 'licenses']);

/** Runs marathon-lint over rendered apps and returns its findings per file (JSON formatter). */
function lint(apps: Record<string, string>, extra: string[] = []): { file: string; diagnostics: { severity: string; ruleId?: string; code?: string; message: string }[] }[] {
  const dir = mkdtempSync(join(tmpdir(), 'universe-'));
  try {
    const files = Object.entries(apps).map(([name, text]) => {
      const f = join(dir, `${name}.json`);
      writeFileSync(f, text);
      return f;
    });
    const r = spawnSync(process.execPath, [lintCli, '--format', 'json', ...extra, ...files], { encoding: 'utf8' });
    assert.ok(r.status === 0 || r.status === 1, `marathon-lint exited ${r.status}: ${r.stderr}`);
    return JSON.parse(r.stdout);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const errorsOf = (apps: Record<string, string>, extra: string[] = []) => lint(apps, extra).flatMap((f) => f.diagnostics.filter((d) => d.severity === 'error').map((d) => `${f.file}: ${JSON.stringify(d)}`));

for (const name of PACKAGES) {
  test(`${name}: package.json is a Universe packagingVersion 4.0 package`, () => {
    const p = readPackage(name).package;
    assert.equal(p.packagingVersion, '4.0');
    for (const k of V40_REQUIRED) assert.ok(k in p, `package.json lacks ${k}`);
    for (const k of Object.keys(p)) assert.ok(V40_ALLOWED.has(k), `package.json: ${k} is not a 4.0 package field`);
    assert.match(p.version, /^[-a-zA-Z0-9.]+$/);
    assert.match(p.minDcosReleaseVersion, /^(?:0|[1-9][0-9]*)(?:\.(?:0|[1-9][0-9]*))*$/);
    for (const t of p.tags) assert.match(t, /^[^\s]+$/);
    assert.equal(p.name, name);
  });

  test(`${name}: config.json is a valid JSON Schema (draft-04) and accepts its own defaults`, () => {
    const { config } = readPackage(name);
    const ajv = new Ajv({ strict: true, allErrors: true });
    assert.ok(ajv.validateSchema(config), JSON.stringify(ajv.errors));
    const validate = ajv.compile(config);
    const { view } = render(name);
    const { resource: _r, ...options } = view;
    assert.ok(validate(options), JSON.stringify(validate.errors));
    assert.equal(validate({ service: { name: 'Bad Name!' } }), false, 'the schema rejects a bad app id');
  });

  test(`${name}: the template renders with its defaults to an app marathon-lint passes with 0 errors`, () => {
    const { text } = render(name);
    const app = JSON.parse(text);
    assert.equal(app.networks[0].mode, 'host');
    assert.deepEqual(errorsOf({ [name]: text }), []);
    // minDcosReleaseVersion 1.11 ships Marathon 1.6: the app must pass there too.
    assert.deepEqual(errorsOf({ [name]: text }, ['--marathon-version', '1.6']), []);
  });
}

test('dvdi-bridge: one instance per dvdi agent, host mounts, health check, checkpoint flags', () => {
  const app = JSON.parse(render('dvdi-bridge').text);
  assert.deepEqual(app.constraints, [['hostname', 'UNIQUE'], ['dvdi', 'IS', 'true']]);
  assert.deepEqual(app.upgradeStrategy, { minimumHealthCapacity: 0, maximumOverCapacity: 0 }, 'a rolling upgrade cannot over-provision one-per-agent');
  assert.equal(app.healthChecks[0].path, '/healthz');
  assert.equal(app.healthChecks[0].protocol, 'MESOS_HTTP');
  const hostPaths = app.container.volumes.filter((v: { hostPath?: string }) => v.hostPath).map((v: { hostPath: string; mode: string }) => `${v.hostPath}:${v.mode}`);
  for (const p of ['/run/docker/plugins:RO', '/etc/docker/plugins:RO', '/var/run/mesos/isolators/docker/volume:RO', '/var/run/mesos/isolators/mesos-module-dvdi:RO', '/usr/bin/dvdcli:RO', '/var/lib/dvdi-bridge:RW']) assert.ok(hostPaths.includes(p), `${p} in ${hostPaths}`);
  for (const f of ['--docker-volume-checkpoint-dir /var/run/mesos/isolators/docker/volume', '--dvdi-checkpoint-dir /var/run/mesos/isolators/mesos-module-dvdi', '--engine docker-volume', '--token-file "$MESOS_SANDBOX/tokens"']) assert.ok(app.cmd.includes(f), `${f} in ${app.cmd}`);
  // The rendered constraints pick exactly the agents with the attribute.
  const agents = [agent({ hostname: 'a1', attributes: { dvdi: 'true' } }, 1), agent({ hostname: 'a2', attributes: {} }, 2), agent({ hostname: 'a3', attributes: { dvdi: 'false' } }, 3)];
  assert.deepEqual(placeApp(app, agents).candidates.map((a) => a.hostname), ['a1']);
});

test('every branch of the templates renders to JSON that marathon-lint passes', () => {
  const variants: Record<string, [string, object]> = {
    'bridge-open-source': ['dvdi-bridge', { bridge: { token_secret: '' } }],
    'bridge-tls': ['dvdi-bridge', { bridge: { tls: { enabled: true } } }],
    'bridge-tls-token-file': ['dvdi-bridge', { bridge: { token_secret: '', tls: { enabled: true } } }],
    'bridge-local-driver': ['dvdi-bridge', { bridge: { engine: '', allow_origins: 'http://localhost:8080' }, service: { node_image: 'example/node:20', agent_attribute: 'storage', agent_attribute_value: 'rexray' } }],
    'gate-token': ['marathon-gate', { gate: { marathon_token_secret: 'marathon-gate/token', mode: 'deny', fail: 'closed' } }],
    'gate-tls': ['marathon-gate', { gate: { tls: { enabled: true } } }],
    'gate-token-tls': ['marathon-gate', { gate: { marathon_token_secret: 't', tls: { enabled: true } } }],
  };
  const apps = Object.fromEntries(Object.entries(variants).map(([k, [pkg, o]]) => [k, render(pkg, o).text]));
  for (const [k, text] of Object.entries(apps)) assert.doesNotThrow(() => JSON.parse(text), k);
  assert.equal(JSON.parse(apps['bridge-tls'].replace(/\n/g, ' ')).healthChecks[0].protocol, 'MESOS_HTTPS');
  assert.deepEqual(Object.keys(JSON.parse(apps['gate-token-tls']).secrets), ['marathonToken', 'tlsCert', 'tlsKey']);
  assert.deepEqual(errorsOf(apps), []);
});

test('any string option renders to valid JSON (values are JSON-escaped)', () => {
  fc.assert(
    fc.property(fc.string(), fc.string(), (origins, secret) => {
      const app = JSON.parse(render('dvdi-bridge', { bridge: { allow_origins: origins, token_secret: secret } }).text);
      if (secret) assert.equal(app.secrets.tokens.source, secret);
    }),
    { numRuns: 200 },
  );
});

test('every flag the bridge template passes is a flag of dvdi-bridge serve', () => {
  for (const o of [{}, { bridge: { tls: { enabled: true }, allow_origins: 'http://x' } }]) {
    const cmd: string = JSON.parse(render('dvdi-bridge', o).text).cmd;
    const [, ...flags] = cmd.split(' serve ')[1].match(/--[a-z-]+/g) ?? [];
    for (const f of ['--listen', ...flags]) assert.ok(f.slice(2) in SERVE_FLAGS, `${f} is not a serve flag`);
  }
});

test('every marathon-gate command line the template renders parses with marathon-gate\'s own argument parser', () => {
  for (const o of [{}, { gate: { marathon_token_secret: 's', tls: { enabled: true }, mode: 'deny', fail: 'closed' } }]) {
    const cmd: string = JSON.parse(render('marathon-gate', o).text).cmd;
    const argv = cmd.split('gate.cjs" ')[1].replace(/\$PORT0/g, '8080').replace(/\$MESOS_SANDBOX/g, '/sandbox').replace(/"/g, '').split(' ');
    const parsed = parseGateArgs(argv);
    assert.ok(parsed.ok, `${cmd}: ${!parsed.ok && parsed.message}`);
  }
});
