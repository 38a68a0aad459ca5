// The Debian package of dvdi-bridge, built by packaging/debian/build-deb.mjs: control fields and contents with
// dpkg-deb, unpacked into a scratch root with dpkg -x, the unit checked by `systemd-analyze verify --root`, and the
// unpacked bridge started from there and answering /healthz.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildDeb } from '../../packaging/debian/build-deb.mjs';
import { SERVE_FLAGS } from '../../agent-bridge/src/cli/serveConfig';
import { startServe } from '../../agent-bridge/test/serveProcess';

const root = join(import.meta.dirname, '../..');
const version = JSON.parse(readFileSync(join(root, 'agent-bridge/package.json'), 'utf8')).version;
let work: string;
let deb: string;
let scratch: string;

const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

before(() => {
  work = mkdtempSync(join(tmpdir(), 'deb-test-'));
  deb = buildDeb(join(work, 'out'));
  scratch = join(work, 'root');
  const x = run('dpkg', ['-x', deb, scratch]);
  assert.equal(x.status, 0, x.stderr);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('control: name, version from agent-bridge, arch all, depends on Node.js 20, conffile in /etc', () => {
  const field = (f: string) => run('dpkg-deb', ['--field', deb, f]).stdout.trim();
  assert.equal(field('Package'), 'dvdi-bridge');
  assert.equal(field('Version'), version);
  assert.equal(field('Architecture'), 'all');
  assert.equal(field('Depends'), 'nodejs (>= 20)');
  assert.ok(Number(field('Installed-Size')) > 100);
  assert.equal(run('dpkg-deb', ['--info', deb, 'conffiles']).stdout, '/etc/dvdi-bridge/dvdi-bridge.conf\n');
  assert.match(run('dpkg-deb', ['--info', deb, 'postinst']).stdout, /\/etc\/dvdi-bridge\/tokens/);
});

test('contents: wrapper, bundle, unit, config; owned by root with the right modes', () => {
  const lines = run('dpkg-deb', ['--contents', deb]).stdout.trim().split('\n');
  const entry = (p: string) => lines.find((l) => l.endsWith(` ./${p}`));
  for (const [p, mode] of [['usr/bin/dvdi-bridge', '-rwxr-xr-x'], ['usr/lib/dvdi-bridge/bridge.cjs', '-rw-r--r--'], ['usr/lib/dvdi-bridge/cluster-cli.cjs', '-rw-r--r--'], ['lib/systemd/system/dvdi-bridge.service', '-rw-r--r--'], ['etc/dvdi-bridge/dvdi-bridge.conf', '-rw-r--r--'], ['usr/share/doc/dvdi-bridge/copyright', '-rw-r--r--']] as const) {
    const l = entry(p);
    assert.ok(l, `${p} missing from ${lines.join('\n')}`);
    assert.ok(l.startsWith(`${mode} root/root`), l);
  }
  assert.ok(lines[0].startsWith('drwxr-xr-x root/root'), `the package root must be 0755: ${lines[0]}`);
  assert.ok(!lines.some((l) => l.includes('/etc/dvdi-bridge/tokens')), 'tokens are made at install, never shipped');
});

test('systemd-analyze verify accepts the unit with its files in place, and fails without them', () => {
  // The scratch root needs the system's own units (sysinit.target…) for verify to build the transaction.
  cpSync('/usr/lib/systemd/system', join(scratch, 'usr/lib/systemd/system'), { recursive: true });
  const unit = '/lib/systemd/system/dvdi-bridge.service';
  const ok = run('systemd-analyze', ['verify', `--root=${scratch}`, unit]);
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(ok.stderr.trim(), '', 'no warnings either');
  const text = readFileSync(join(scratch, unit), 'utf8');
  assert.match(text, /^Restart=always$/m);
  const execStart = /^ExecStart=(\S+)/m.exec(text)![1];
  const envFile = /^EnvironmentFile=(\S+)/m.exec(text)![1];
  assert.ok(statSync(join(scratch, execStart)).mode & 0o111, `${execStart} is executable in the package`);
  assert.ok(existsSync(join(scratch, envFile)), `${envFile} is in the package`);
  const broken = join(work, 'broken');
  cpSync(scratch, broken, { recursive: true });
  rmSync(join(broken, execStart));
  const bad = run('systemd-analyze', ['verify', `--root=${broken}`, unit]);
  assert.notEqual(bad.status, 0);
  assert.match(bad.stderr, /is not executable/);
});

test('every flag in /etc/dvdi-bridge/dvdi-bridge.conf is a flag of dvdi-bridge serve', () => {
  const conf = readFileSync(join(scratch, 'etc/dvdi-bridge/dvdi-bridge.conf'), 'utf8');
  const opts = /^DVDI_BRIDGE_OPTS=(.*)$/m.exec(conf)![1];
  for (const f of opts.match(/--[a-z-]+/g) ?? []) assert.ok(f.slice(2) in SERVE_FLAGS, `${f} is not a serve flag (known: ${Object.keys(SERVE_FLAGS).join(', ')})`);
  assert.match(conf, /^DVDI_BRIDGE_LISTEN=\S+:\d+$/m);
});

test('the unpacked wrapper runs the unpacked bundle: --version, and serve answers /healthz', async (t) => {
  const bin = join(scratch, 'usr/bin/dvdi-bridge');
  const v = run(bin, ['--version']);
  assert.equal(v.status, 0, v.stderr);
  const scaleUsage = run(bin, ['scale', '--marathon', 'x']);
  assert.equal(scaleUsage.status, 2);
  assert.match(scaleUsage.stderr, /^dvdi-bridge: scale: --marathon "x" is not a URL/, 'the unpacked bridge loads its cluster commands');
  assert.equal(v.stdout.trim().length > 0, true);
  const tokens = join(work, 'tokens');
  writeFileSync(tokens, 'default:deb-test-token-0123456789abcdef\n', { mode: 0o600 });
  const s = await startServe([join(scratch, 'usr/lib/dvdi-bridge/bridge.cjs'), 'serve', '--listen', '127.0.0.1:0', '--token-file', tokens, '--state-dir', join(work, 'state')]);
  t.after(() => s.proc.kill('SIGTERM'));
  const res = await fetch(s.url.replace(/^ws/, 'http').replace(/\/v1$/, '') + '/healthz');
  assert.equal(res.status, 200);
});
