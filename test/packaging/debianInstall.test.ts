// The Debian package installed for real on this host with apt and dpkg, as an operator does: first install (token,
// unit enabled even with no systemd running, as in an image build), the unit's ExecStart started by hand with the
// packaged config, an upgrade over a locally edited conffile and a disabled unit, remove, purge. Needs root and dpkg,
// and dvdi-bridge not already installed; it skips saying so otherwise. It leaves nothing installed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeb } from '../../packaging/debian/build-deb.mjs';

const root = join(import.meta.dirname, '../..');
const dvdcliStandIn = join(root, 'agent-bridge/test/standins/dvdcli');
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(cmd, args, { encoding: 'utf8', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', ...env } });
const apt = (...args: string[]) => run('apt-get', ['-y', '-o', 'DPkg::Lock::Timeout=120', '-o', 'Dpkg::Options::=--force-confold', ...args]);
const installed = () => run('dpkg-query', ['-W', '-f', '${db:Status-Abbrev}', 'dvdi-bridge']).stdout.trim();
const isEnabled = () => run('systemctl', ['is-enabled', 'dvdi-bridge.service']).stdout.trim();

function skipReason(): string | false {
  if (process.getuid?.() !== 0) return 'installs a Debian package: needs root';
  if (run('dpkg', ['--version']).status !== 0 || run('apt-get', ['--version']).status !== 0) return 'needs dpkg and apt-get (Debian)';
  if (run('systemctl', ['--version']).status !== 0) return 'needs systemctl (the systemd package) to read the unit state';
  if (installed()) return `dvdi-bridge is already installed here (${installed()}): not touching it`;
  return false;
}
const skip = skipReason();

let work: string;
let debs: { v1: string; v2: string };

before(() => {
  if (skip) return;
  work = mkdtempSync(join(tmpdir(), 'deb-install-'));
  const v1 = buildDeb(join(work, 'v1'));
  // The next version: the same package with a changed conffile, as an upgrade that ships new settings.
  const tree = join(work, 'tree');
  assert.equal(run('dpkg-deb', ['-R', v1, tree]).status, 0);
  const control = join(tree, 'DEBIAN/control');
  writeFileSync(control, readFileSync(control, 'utf8').replace(/^Version: (.*)$/m, 'Version: $1+next1'));
  writeFileSync(join(tree, 'etc/dvdi-bridge/dvdi-bridge.conf'), readFileSync(join(tree, 'etc/dvdi-bridge/dvdi-bridge.conf'), 'utf8') + '# shipped by the next version\n');
  const v2 = join(work, 'next.deb');
  const b = run('dpkg-deb', ['--root-owner-group', '-b', tree, v2]);
  assert.equal(b.status, 0, b.stderr);
  debs = { v1, v2 };
});

after(() => {
  if (skip) return;
  if (installed()) apt('purge', 'dvdi-bridge');
  rmSync(work, { recursive: true, force: true });
});

/** The unit's ExecStart as systemd runs it: EnvironmentFile read, `${V}` one word, `$V` split at whitespace. */
function execStartArgv(): string[] {
  const unit = readFileSync('/lib/systemd/system/dvdi-bridge.service', 'utf8');
  const envFile = /^EnvironmentFile=(\S+)$/m.exec(unit)![1];
  const env = new Map<string, string>();
  for (const line of readFileSync(envFile, 'utf8').split('\n')) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (m) env.set(m[1], m[2].replace(/^"(.*)"$/, '$1'));
  }
  const words = /^ExecStart=(.*)$/m.exec(unit)![1].split(/\s+/);
  return words.flatMap((w) => {
    const braced = /^\$\{(\w+)\}$/.exec(w);
    if (braced) return [env.get(braced[1]) ?? ''];
    const bare = /^\$(\w+)$/.exec(w);
    return bare ? (env.get(bare[1]) ?? '').split(/\s+/).filter(Boolean) : [w];
  });
}

/** Starts argv (the installed wrapper first) and resolves with /healthz's status, or rejects with what serve said. */
async function healthOf(argv: string[], path: string): Promise<number> {
  const proc = spawn(argv[0], argv.slice(1), { env: { ...process.env, PATH: path }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d) => (err += d));
  try {
    const url = await new Promise<string>((res, rej) => {
      const timer = setTimeout(() => rej(new Error(`serve did not start within 20 s: ${err}`)), 20_000);
      proc.stdout.on('data', (d) => {
        out += d;
        const m = /listening on ws:\/\/(\S+?)\/v1/.exec(out);
        if (m) {
          clearTimeout(timer);
          res(`http://${m[1]}/healthz`);
        }
      });
      proc.on('exit', (code) => {
        clearTimeout(timer);
        rej(new Error(`the packaged ExecStart exited ${code}: ${err.trim()}`));
      });
    });
    return (await fetch(url)).status;
  } finally {
    proc.kill('SIGTERM');
  }
}

test('apt install, start with the packaged config, upgrade over local edits, remove, purge', { skip, timeout: 300_000 }, async (t) => {
  await t.test('first install: files in place, a random token (0600), the unit enabled though systemd does not run', () => {
    const r = apt('install', debs.v1);
    assert.equal(r.status, 0, r.stderr);
    assert.equal(installed(), 'ii');
    const files = run('dpkg', ['-L', 'dvdi-bridge']).stdout.split('\n');
    for (const f of ['/usr/bin/dvdi-bridge', '/usr/lib/dvdi-bridge/bridge.cjs', '/usr/lib/dvdi-bridge/cluster-cli.cjs', '/lib/systemd/system/dvdi-bridge.service', '/etc/dvdi-bridge/dvdi-bridge.conf']) assert.ok(files.includes(f), `dpkg -L lacks ${f}`);
    assert.match(readFileSync('/etc/dvdi-bridge/tokens', 'utf8'), /^default:[0-9a-f]{64}\n$/);
    assert.equal(statSync('/etc/dvdi-bridge/tokens').mode & 0o777, 0o600);
    // An agent image is built without systemd running; the bridge must still start when the agent boots.
    assert.equal(isEnabled(), 'enabled', 'a first install enables dvdi-bridge.service');
  });

  await t.test('the unit\'s ExecStart with the packaged config starts on an agent with dvdcli, whatever plugin and checkpoint dirs it lacks', async () => {
    // An agent: dvdcli on PATH (the stand-in); no Docker, no mesos-module-dvdi, no /usr/lib/docker/plugins here.
    const bin = join(work, 'bin');
    mkdirSync(bin);
    cpSync(dvdcliStandIn, join(bin, 'dvdcli'));
    chmodSync(join(bin, 'dvdcli'), 0o755);
    mkdirSync('/var/lib/dvdi-bridge', { recursive: true, mode: 0o700 }); // StateDirectory=, as systemd would
    // The operator's own edit: another port (the packaged 8474 may be taken on a test host).
    const conf = '/etc/dvdi-bridge/dvdi-bridge.conf';
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^DVDI_BRIDGE_LISTEN=.*$/m, 'DVDI_BRIDGE_LISTEN=127.0.0.1:0'));
    assert.equal(await healthOf(execStartArgv(), `${bin}:/usr/sbin:/usr/bin:/sbin:/bin`), 200);
  });

  await t.test('upgrade: the edited conffile and the token are kept, the new one is beside it, a disabled unit stays disabled', () => {
    const token = readFileSync('/etc/dvdi-bridge/tokens', 'utf8');
    assert.equal(run('systemctl', ['disable', 'dvdi-bridge.service']).status, 0);
    const r = apt('install', debs.v2);
    assert.equal(r.status, 0, r.stderr);
    assert.match(readFileSync('/etc/dvdi-bridge/dvdi-bridge.conf', 'utf8'), /^DVDI_BRIDGE_LISTEN=127\.0\.0\.1:0$/m);
    assert.match(readFileSync('/etc/dvdi-bridge/dvdi-bridge.conf.dpkg-dist', 'utf8'), /# shipped by the next version/);
    assert.equal(readFileSync('/etc/dvdi-bridge/tokens', 'utf8'), token);
    assert.equal(isEnabled(), 'disabled', 'an upgrade keeps the operator\'s systemctl disable');
  });

  await t.test('remove keeps settings, token and state; purge removes them, and no unit link is left', () => {
    const r = apt('remove', 'dvdi-bridge');
    assert.equal(r.status, 0, r.stderr);
    assert.equal(installed(), 'rc');
    assert.ok(!existsSync('/usr/bin/dvdi-bridge'));
    for (const p of ['/etc/dvdi-bridge/dvdi-bridge.conf', '/etc/dvdi-bridge/tokens', '/var/lib/dvdi-bridge']) assert.ok(existsSync(p), `remove kept ${p}`);
    const p = apt('purge', 'dvdi-bridge');
    assert.equal(p.status, 0, p.stderr);
    assert.equal(installed(), '');
    for (const gone of ['/etc/dvdi-bridge', '/var/lib/dvdi-bridge', '/etc/systemd/system/multi-user.target.wants/dvdi-bridge.service']) assert.ok(!existsSync(gone), `purge left ${gone}`);
  });
});
