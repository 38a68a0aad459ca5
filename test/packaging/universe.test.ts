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
import { parseFlags } from '../../agent-bridge/src/cli/args';
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
  for (const f of ["--docker-volume-checkpoint-dir '/var/run/mesos/isolators/docker/volume'", "--dvdi-checkpoint-dir '/var/run/mesos/isolators/mesos-module-dvdi'", '--engine docker-volume', '--token-file "$MESOS_SANDBOX/tokens"']) assert.ok(app.cmd.includes(f), `${f} in ${app.cmd}`);
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

/** The argv a rendered `cmd` gives its node script, as Marathon runs it (`sh -c`), with $PORT0 and $MESOS_SANDBOX set. */
function argvOf(cmd: string): string[] {
  const printing = cmd.replace(/^exec node "\$MESOS_SANDBOX\/[a-z]+\.cjs"/, 'exec printf "%s\\0"');
  assert.notEqual(printing, cmd, `unexpected cmd: ${cmd}`);
  const r = spawnSync('sh', ['-c', printing], { encoding: 'utf8', env: { PORT0: '8080', MESOS_SANDBOX: '/sandbox', PATH: process.env.PATH } });
  assert.equal(r.status, 0, `${cmd}: ${r.stderr}`);
  return r.stdout.split('\0').slice(0, -1);
}

/** Cosmos validates the options merged with config.json's defaults; so does this. */
function validatorOf(name: string): ((options: object) => boolean) & { errors?: unknown } {
  const validate = new Ajv({ strict: true, allErrors: true }).compile(readPackage(name).config);
  const check = (options: object) => {
    const { resource: _r, ...merged } = render(name, options).view;
    const ok = validate(merged);
    check.errors = validate.errors;
    return ok;
  };
  check.errors = undefined as unknown;
  return check;
}

/** Every string option config.json accepts reaches the app (Cosmos' escaping) and the command line as given. */
function checkBridge(options: object): void {
  const { text, view } = render('dvdi-bridge', options);
  const b = view.bridge;
  const app = JSON.parse(text);
  assert.equal(app.user, view.service.user);
  // No role option: no "role", so Marathon gives its default (at the root the only one 1.9+ allows: --mesos_role).
  assert.equal(app.role, view.service.role || undefined);
  assert.equal(app.container.docker.image, view.service.node_image || view.resource.assets.container.docker.node);
  if (b.token_secret) assert.equal(app.secrets.tokens.source, b.token_secret);
  if (b.tls.enabled) assert.deepEqual([app.secrets.tlsCert.source, app.secrets.tlsKey.source], [b.tls.cert_secret, b.tls.key_secret]);
  const hostPaths = app.container.volumes.map((v: { hostPath?: string }) => v.hostPath).filter(Boolean);
  for (const p of [...b.plugin_dirs, ...b.mount_roots, b.dvdcli, b.state_dir, b.docker_volume_checkpoint_dir, b.dvdi_checkpoint_dir, ...(b.token_secret ? [] : [b.token_file])]) assert.ok(hostPaths.includes(p), `${JSON.stringify(p)} not mounted: ${JSON.stringify(hostPaths)}`);
  const argv = argvOf(app.cmd);
  assert.equal(argv[0], 'serve');
  const f = parseFlags(argv.slice(1), SERVE_FLAGS, 'serve');
  assert.equal(f.strings.get('state-dir'), b.state_dir);
  assert.equal(f.strings.get('token-file'), b.token_secret ? '/sandbox/tokens' : b.token_file);
  assert.deepEqual(f.lists.get('allow-origin') ?? [], b.allow_origins.split(' ').filter(Boolean));
  if (b.engine) {
    assert.equal(f.strings.get('dvdcli'), b.dvdcli);
    assert.deepEqual(f.strings.get('plugin-dirs')!.split(',').filter(Boolean), b.plugin_dirs);
    assert.equal(f.strings.get('docker-volume-checkpoint-dir'), b.docker_volume_checkpoint_dir);
    assert.equal(f.strings.get('dvdi-checkpoint-dir'), b.dvdi_checkpoint_dir);
  }
}

function checkGate(options: object): void {
  const { text, view } = render('marathon-gate', options);
  const g = view.gate;
  const app = JSON.parse(text);
  assert.equal(app.user, view.service.user);
  assert.equal(app.container.docker.image, view.service.node_image || view.resource.assets.container.docker.node);
  if (g.marathon_token_secret) assert.equal(app.secrets.marathonToken.source, g.marathon_token_secret);
  if (g.tls.enabled) assert.deepEqual([app.secrets.tlsCert.source, app.secrets.tlsKey.source], [g.tls.cert_secret, g.tls.key_secret]);
  const parsed = parseGateArgs(argvOf(app.cmd));
  assert.ok(parsed.ok, `${app.cmd}: ${!parsed.ok && parsed.message}`);
  assert.equal(parsed.options.marathon.href, new URL(g.marathon_url).href);
  assert.equal(parsed.options.marathonTimeoutMs, g.marathon_timeout * 1000);
}

test('odd but valid options render to apps and command lines that say exactly what the options said', () => {
  const bridge = validatorOf('dvdi-bridge');
  const odd = [
    { bridge: { state_dir: '/var/lib/dvdi bridge', dvdcli: '/opt/dvd cli/$HOME/`x`', token_secret: '', token_file: '/etc/dvdi bridge/tokens;x', mount_roots: [] } },
    { bridge: { plugin_dirs: Array.from({ length: 12 }, (_, i) => `/plugins/dir ${i}`), allow_origins: ' https://a.example.com  http://[::1]:8080 ', tls: { enabled: true, cert_secret: 'a/b;c', key_secret: 'k$y' } } },
    { service: { user: 'core user', role: 'slave_public', node_image: 'registry.example.com:5000/node:20@sha256:00' }, bridge: { engine: '' } },
  ];
  for (const o of odd) {
    assert.ok(bridge(o), `config.json refuses ${JSON.stringify(o)}: ${JSON.stringify(bridge.errors)}`);
    checkBridge(o);
  }
  // Linted as DC/OS runs Marathon (--mesos_role slave_public): at the root, Marathon 1.9+ allows only that role.
  const dcos = mkdtempSync(join(tmpdir(), 'universe-dcos-'));
  try {
    writeFileSync(join(dcos, 'marathon-lint.config.json'), JSON.stringify({ mesosRole: 'slave_public' }));
    assert.deepEqual(errorsOf(Object.fromEntries(odd.map((o, i) => [`odd-bridge-${i}`, render('dvdi-bridge', o).text])), ['--config', join(dcos, 'marathon-lint.config.json')]), []);
  } finally {
    rmSync(dcos, { recursive: true, force: true });
  }
  // The same role on a Marathon whose --mesos_role is "*" is refused, and the linter says so (role-valid).
  const elsewhere = errorsOf({ 'slave-public-role': render('dvdi-bridge', odd[2]).text });
  assert.ok(elsewhere.length === 1 && elsewhere[0].includes('"role-valid"') && elsewhere[0].includes('got slave_public, expected one of: [*]'), elsewhere.join('\n'));
  const gate = validatorOf('marathon-gate');
  for (const o of [{ gate: { marathon_url: 'https://dcos.example.com/service/marathon', marathon_token_secret: 'gate/token $1', marathon_timeout: 30, tls: { enabled: true } } }, { service: { user: '' }, gate: { marathon_url: 'http://[fd00::1]:8080' } }]) {
    assert.ok(gate(o), `config.json refuses ${JSON.stringify(o)}: ${JSON.stringify(gate.errors)}`);
    checkGate(o);
    assert.deepEqual(errorsOf({ 'odd-gate': render('marathon-gate', o).text }), []);
  }
});

test('config.json refuses what Cosmos would render into something else (mustache.java escapes & < > " \' and newline; backslash breaks JSON)', () => {
  const bridge = validatorOf('dvdi-bridge');
  const gate = validatorOf('marathon-gate');
  for (const bad of ['a&b', 'a<b', 'a>b', 'a"b', "a'b", 'a\\b', 'a\nb', 'a\tb']) {
    for (const o of [{ service: { user: bad } }, { bridge: { token_secret: bad } }, { bridge: { state_dir: `/x${bad}` } }, { bridge: { plugin_dirs: [`/x${bad}`] } }, { bridge: { allow_origins: `https://x${bad}` } }]) assert.equal(bridge(o), false, JSON.stringify(o));
    for (const o of [{ service: { user: bad } }, { gate: { marathon_token_secret: bad } }, { gate: { marathon_url: `http://m${bad}` } }]) assert.equal(gate(o), false, JSON.stringify(o));
  }
  assert.equal(gate({ gate: { marathon_url: 'http://m:8080/?leader=1' } }), false, 'marathon-gate refuses a --marathon with a query');
});

test('any string options config.json accepts render as they were given (Cosmos\' escaping, sh)', () => {
  // Mostly characters config.json allows (shell-special ones included), sometimes any of the ones Cosmos changes.
  const allowed = fc.string({ unit: fc.constantFrom(...'ab/ -_.:$`;|#?*~%é()[]{}!'.split('')), maxLength: 12 });
  const str = fc.oneof({ weight: 5, arbitrary: allowed }, { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...'a &<>"\'\\\n\t'.split('')), maxLength: 6 }) });
  const path = str.map((s) => `/${s}`);
  const bridge = validatorOf('dvdi-bridge');
  const gate = validatorOf('marathon-gate');
  let accepted = 0;
  fc.assert(
    fc.property(str, str, path, path, fc.array(path, { maxLength: 4 }), fc.boolean(), (user, secret, stateDir, dvdcli, dirs, tls) => {
      const o = { service: { user }, bridge: { token_secret: secret, token_file: stateDir, state_dir: stateDir, dvdcli, mount_roots: dirs, tls: { enabled: tls, cert_secret: secret } } };
      if (bridge(o)) {
        accepted++;
        checkBridge(o);
      }
      const g = { service: { user }, gate: { marathon_token_secret: secret, marathon_url: `http://m${stateDir}` } };
      if (gate(g)) checkGate(g);
    }),
    { numRuns: 300 },
  );
  assert.ok(accepted > 20, `only ${accepted} of 300 generated option sets were valid: the generator tests too little`);
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
    const parsed = parseGateArgs(argvOf(cmd));
    assert.ok(parsed.ok, `${cmd}: ${!parsed.ok && parsed.message}`);
  }
});
