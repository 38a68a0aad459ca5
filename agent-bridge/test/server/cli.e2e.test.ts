/**
 * End to end through real processes: `dvdi-bridge serve` with no engine configured (so the real runner and the
 * embedded local driver), a real ws client, and the `dvdi-bridge dry-run` subcommand as a second process.
 */
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { connect, until } from './harness';
import { startServe } from '../serveProcess';
import { makeTestPki } from './certs';

const ROOT = resolve(import.meta.dirname, '../../..');
const MAIN = join(ROOT, 'agent-bridge/src/main.ts');
const TOKEN = 'e2e-5f2b9c0d7a1e4f3b8c6d2a9e0f1b3c5d';
const bridgeArgs = (...args: string[]) => ['--import', 'tsx', MAIN, ...args];

function runCli(...args: string[]) {
  return spawnSync(process.execPath, bridgeArgs(...args), { cwd: ROOT, encoding: 'utf8', timeout: 30_000 });
}

describe('dvdi-bridge serve + dry-run (real runner, embedded local driver)', () => {
  let dir: string;
  let tokenFile: string;
  let proc: ChildProcess;
  let url = '';
  let logs: Record<string, any>[] = [];
  let exited: Promise<number | null>;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dvdi-e2e-'));
    tokenFile = join(dir, 'tokens');
    writeFileSync(tokenFile, `dev:${TOKEN}\n`);
    const policy = join(dir, 'policy.json');
    writeFileSync(policy, JSON.stringify({ dev: { allowedDrivers: ['local'], allowCreate: true } }));
    const serve = await startServe(bridgeArgs('serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', join(dir, 'state'), '--policy', policy), { cwd: ROOT });
    ({ proc, url, exited } = serve);
    logs = serve.logs;
  });
  after(async () => {
    if (proc.exitCode === null) proc.kill('SIGKILL');
  });

  it('recovers on startup and logs what it released', async () => {
    await until(() => logs.some((l) => l.event === 'listening'));
    const r = logs.find((l) => l.event === 'recovered');
    assert.ok(r, 'a "recovered" line is logged at startup');
    assert.deepEqual(r.released, []);
    assert.equal(logs.find((l) => l.event === 'listening')?.driver, 'local');
  });

  it('lists the embedded local driver in bridge/info', async () => {
    const c = await connect(url, { token: TOKEN });
    const info = (await c.request('bridge/info')).result;
    assert.ok(info.drivers.some((d: { name: string }) => d.name === 'local'), JSON.stringify(info));
    assert.ok(info.engines.includes('plugin'));
    c.ws.close();
  });

  it('dry-runs a missing volume as would-create, then creates, mounts and releases it with allowCreate', async () => {
    const c = await connect(url, { token: TOKEN });
    const first = await c.request('volume/dryRunMount', { driver: 'local', name: 'e2e-vol' }, 'w1');
    assert.equal(first.result.verdict, 'would-create', JSON.stringify(first));
    const second = await c.request('volume/dryRunMount', { driver: 'local', name: 'e2e-vol', allowCreate: true }, 'w2');
    assert.equal(second.result.verdict, 'mounted-and-released', JSON.stringify(second.result.steps));
    // The volume now exists for good: the result says so in its steps and warnings.
    assert.match(second.result.steps.find((s: { step: string }) => s.step === 'create')?.detail ?? '', /created local\/e2e-vol .*stays after the dry run/);
    assert.ok(second.result.warnings.some((w: string) => /created volume e2e-vol .*exists from now on/.test(w)), JSON.stringify(second.result.warnings));
    const progress = c.notifications.filter((n) => n.params.id === 'w2');
    assert.ok(progress.some((n) => n.params.step === 'mount' && n.params.status === 'ok'), JSON.stringify(progress));
    const list = await c.request('volume/list', { driver: 'local' });
    assert.deepEqual(list.result.volumes.map((v: { name: string; inUse: boolean }) => [v.name, v.inUse]), [['e2e-vol', false]]);
    c.ws.close();
    await until(() => logs.some((l) => l.event === 'request' && l.id === 'w2'));
    const line = logs.find((l) => l.event === 'request' && l.id === 'w2')!;
    assert.deepEqual([line.method, line.token, line.driver, line.name, line.verdict], ['volume/dryRunMount', 'dev', 'local', 'e2e-vol', 'mounted-and-released']);
    assert.ok(!JSON.stringify(logs).includes(TOKEN), 'the token never appears in the logs');
  });

  it('transport and runner apply one rule: a Portworx-style name reaches the plugin, a relative containerPath runs', async () => {
    const c = await connect(url, { token: TOKEN });
    // Before the shared rule, this passed the transport and came back refused from the runner's validate step.
    // Now it reaches the plugin, whose own answer decides (the embedded local driver, like Docker's, refuses it).
    const px = await c.request('volume/dryRunMount', { driver: 'local', name: 'name=vol1,size=10' });
    assert.equal(px.result?.verdict, 'failed', JSON.stringify(px));
    assert.deepEqual(px.result.steps.slice(0, 2).map((s: { step: string; ok: boolean }) => [s.step, s.ok]), [['validate', true], ['policy', true]]);
    assert.match(px.result.steps.at(-1).detail, /^VolumeDriver\.Get: invalid volume name/);
    // The extension used to drop a relative containerPath because the bridge refused it.
    const rel = await c.request('volume/dryRunMount', { driver: 'local', name: 'e2e-vol', containerPath: 'data/pg' });
    assert.equal(rel.result?.verdict, 'mounted-and-released', JSON.stringify(rel));
    c.ws.close();
  });

  it('the dry-run subcommand prints the steps and the verdict, exit 0', () => {
    const r = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /verdict: mounted-and-released/);
    assert.match(r.stdout, /ok\s+mount/);
    assert.match(r.stderr, /… mount started/);
  });

  it('the dry-run subcommand takes a URL whose scheme is in capitals (WS://): a scheme is case-insensitive (RFC 3986 §3.1)', () => {
    const upper = url.replace(/^ws:/, 'WS:');
    assert.notEqual(upper, url);
    const r = runCli('dry-run', '--url', upper, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol');
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /verdict: mounted-and-released/);
  });

  it('the dry-run subcommand with a --timeout longer than a timer holds waits for the verdict instead of cancelling at once', () => {
    const r = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol', '--timeout', '1e10');
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /verdict: mounted-and-released/);
    assert.doesNotMatch(r.stderr, /cancel/i);
  });

  it('the dry-run subcommand names a client --cert/--key or --ca file that is wrong, instead of blaming the agent\'s TLS', () => {
    const notPem = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol', '--cert', tokenFile, '--key', tokenFile);
    assert.equal(notPem.status, 2, notPem.stdout + notPem.stderr);
    assert.equal(notPem.stderr, `dvdi-bridge: dry-run: --cert ${tokenFile}: not a PEM certificate\n`);
    const alone = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol', '--cert', tokenFile);
    assert.equal(alone.status, 2);
    assert.equal(alone.stderr, 'dvdi-bridge: dry-run: --cert and --key go together; give both or neither\n');
    const noCa = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'e2e-vol', '--ca', join(dir, 'no-ca.pem'));
    assert.equal(noCa.status, 2);
    assert.match(noCa.stderr, /^dvdi-bridge: dry-run: --ca \S+no-ca\.pem: ENOENT/);
  });

  it('the dry-run subcommand reports an injection attempt naming the field, exit 2', () => {
    const r = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'local', '--name', 'a;rm -rf /');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /params\.name/);
    assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
  });

  it('the dry-run subcommand reports a refused verdict with exit 1 and a wrong token with exit 2', () => {
    const refused = runCli('dry-run', '--url', url, '--token-file', tokenFile, '--driver', 'rexray', '--name', 'x1');
    assert.equal(refused.status, 1, refused.stderr);
    assert.match(refused.stdout, /verdict: refused/);
    const bad = join(dir, 'bad-tokens');
    writeFileSync(bad, 'wrong-0000000000000000000000000000\n');
    const r = runCli('dry-run', '--url', url, '--token-file', bad, '--driver', 'local', '--name', 'x1');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /HTTP 401/);
  });

  it('stops cleanly on SIGTERM', async () => {
    proc.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.ok(logs.some((l) => l.event === 'stopped'));
  });
});

describe('dvdi-bridge startup errors are one readable line, exit 2', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dvdi-e2e-bad-'));
  const cases: [string, string[], RegExp][] = [
    ['no command', [], /Usage:/],
    ['unknown command', ['frobnicate'], /unknown command "frobnicate"/],
    ['missing --token-file', ['serve', '--listen', '127.0.0.1:0'], /--token-file FILE is required/],
    ['unreadable token file', ['serve', '--listen', '127.0.0.1:0', '--token-file', join(dir, 'nope')], /cannot read token file/],
    ['bad --listen', ['serve', '--listen', 'localhost', '--token-file', 'x'], /is not HOST:PORT/],
    ['unknown option', ['serve', '--listen', '127.0.0.1:0', '--tls-client-cas', 'x'], /unknown option --tls-client-cas/],
    ['bad engine', ['serve', '--listen', '127.0.0.1:0', '--token-file', 'x', '--engine', 'docker'], /--engine docker is not one of/],
    ['client CA without TLS', ['serve', '--listen', '127.0.0.1:0', '--token-file', 'x', '--tls-client-ca', 'ca.pem'], /needs --tls-cert/],
    // An unset shell variable: not "no client certificates required", nor the working directory as state dir.
    ['an empty --tls-client-ca', ['serve', '--listen', '127.0.0.1:0', '--token-file', 'x', '--tls-cert', 'c.pem', '--tls-key', 'k.pem', '--tls-client-ca', ''], /^dvdi-bridge: serve: --tls-client-ca is empty; give a value \(an unset shell variable\?\)$/m],
    ['an empty --state-dir=', ['serve', '--listen', '127.0.0.1:0', '--token-file', 'x', '--state-dir='], /^dvdi-bridge: serve: --state-dir is empty/m],
    // A --url given, but not a websocket URL: said so, with the URL to write, not "--url … is required".
    ['dry-run --url with http://', ['dry-run', '--url', 'http://127.0.0.1:8474/v1', '--token-file', 'x', '--driver', 'local', '--name', 'v'], /^dvdi-bridge: dry-run: --url http:\/\/127\.0\.0\.1:8474\/v1 is not a websocket URL: write ws:\/\/127\.0\.0\.1:8474\/v1 \(wss:\/\/ for a bridge serving TLS\)$/m],
    ['dry-run --url without a scheme', ['dry-run', '--url', '127.0.0.1:8474', '--token-file', 'x', '--driver', 'local', '--name', 'v'], /^dvdi-bridge: dry-run: --url 127\.0\.0\.1:8474 is not a websocket URL: write ws:\/\/127\.0\.0\.1:8474\/v1 /m],
    ['dry-run without --url', ['dry-run', '--token-file', 'x', '--driver', 'local', '--name', 'v'], /^dvdi-bridge: dry-run: --url ws:\/\/HOST:PORT\/v1 \(or wss:\/\/\) is required/m],
    // Another scheme (Docker's tcp://) or one in capitals: the URL to write keeps the host, never "ws://tcp://…".
    ['dry-run --url with tcp://', ['dry-run', '--url', 'tcp://10.0.0.5:8474', '--token-file', 'x', '--driver', 'local', '--name', 'v'], /^dvdi-bridge: dry-run: --url tcp:\/\/10\.0\.0\.5:8474 is not a websocket URL: write ws:\/\/10\.0\.0\.5:8474\/v1 /m],
    ['dry-run --url with HTTPS://', ['dry-run', '--url', 'HTTPS://agent-1:8474/v1', '--token-file', 'x', '--driver', 'local', '--name', 'v'], /^dvdi-bridge: dry-run: --url HTTPS:\/\/agent-1:8474\/v1 is not a websocket URL: write wss:\/\/agent-1:8474\/v1 /m],
  ];
  for (const [what, args, pattern] of cases) {
    it(what, () => {
      const r = runCli(...args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stdout + r.stderr, pattern);
      assert.doesNotMatch(r.stderr, /\n\s+at /, 'no stack trace');
    });
  }

  // Honest startup (issue 8): what Mesos would refuse to start with, the bridge refuses in exactly one line.
  const serve = ['serve', '--listen', '127.0.0.1:0', '--token-file', 'x'];
  const honest: [string, string[], RegExp][] = [
    ['--dvdcli in embedded local-driver mode', [...serve, '--dvdcli', process.execPath], /--dvdcli is given, but without --engine or --plugin-dirs .*never runs dvdcli/],
    ['a --dvdcli that does not exist', [...serve, '--plugin-dirs', dir, '--dvdcli', join(dir, 'no-dvdcli')], /--dvdcli .*no-dvdcli is not an executable file/],
    ['a dvdcli engine with no dvdcli anywhere', [...serve, '--engine', 'docker-volume', '--plugin-dirs', dir], /dvdcli \(not on PATH, nor at \/usr\/bin\/dvdcli\) is not an executable file.*cannot get dvdcli command/],
    ['a plugin dir that does not exist', [...serve, '--engine', 'plugin', '--plugin-dirs', `${dir}:${join(dir, 'nope')}`], /--plugin-dirs: .*nope is not a directory/],
    ['a checkpoint dir that does not exist', [...serve, '--docker-volume-checkpoint-dir', join(dir, 'nope')], /--docker-volume-checkpoint-dir .*nope is not a directory/],
    ['a vouch that contradicts a dir', [...serve, '--no-dvdi-module', '--dvdi-checkpoint-dir', dir], /--no-dvdi-module and --dvdi-checkpoint-dir contradict/],
    // A mistyped socket taken for "no dockerd here" would skip the Docker containerizer proof of "unused".
    ['a Docker socket that does not exist', [...serve, '--docker-socket', join(dir, 'dockr.sock')], /--docker-socket .*dockr\.sock is not a socket; .*--docker-socket none if no Docker container/],
    ['a misspelt --allow-hazard', [...serve, '--allow-hazard', 'rexray-vfs-wipe-on-mnt'], /--allow-hazard "rexray-vfs-wipe-on-mnt" is not a hazard the bridge refuses; known: rexray-vfs-wipe-on-mount/],
    ['a Docker socket that is a plain file', [...serve, '--docker-socket', process.execPath], /--docker-socket .* is not a socket/],
  ];
  for (const [what, args, pattern] of honest) {
    it(what, { skip: what.includes('anywhere') && process.env.PATH?.split(':').some((d) => existsSync(join(d, 'dvdcli'))) ? 'a dvdcli is installed here' : false }, () => {
      const r = runCli(...args);
      assert.equal(r.status, 2, r.stderr);
      assert.match(r.stderr, pattern);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
      assert.equal(r.stdout, '');
    });
  }

  it('TLS files that are not a certificate and its key: named by flag and file, not "cannot listen … PEM routines"', () => {
    const pki = makeTestPki();
    const t = join(dir, 'tls-tokens');
    writeFileSync(t, `ops:${TOKEN}\n`);
    const { serverCert, serverKey, clientKey } = pki.paths;
    for (const [cert, key, want] of [
      [serverKey, serverKey, `--tls-cert ${serverKey}: not a PEM certificate`],
      [serverCert, serverCert, `--tls-key ${serverCert}: not a PEM private key`],
      [serverCert, clientKey, `--tls-key ${clientKey}: not the private key of the certificate in --tls-cert ${serverCert}`],
    ]) {
      const r = runCli('serve', '--listen', '127.0.0.1:0', '--token-file', t, '--tls-cert', cert, '--tls-key', key);
      assert.equal(r.status, 2, r.stderr);
      assert.equal(r.stderr, `dvdi-bridge: serve: ${want}\n`);
    }
  });

  it('a short token in the token file', () => {
    const f = join(dir, 'short');
    writeFileSync(f, 'admin:hunter2\n');
    const r = runCli('serve', '--listen', '127.0.0.1:0', '--token-file', f);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /shorter than 16.*openssl rand -hex 32/);
  });

  it('a token no HTTP header can carry (beyond Latin-1): refused at startup, not served to clients that cannot send it', () => {
    const f = join(dir, 'wide');
    writeFileSync(f, 'ops:token-€-0123456789abcdef\n');
    const r = runCli('serve', '--listen', '127.0.0.1:0', '--token-file', f, '--state-dir', join(dir, 'wide-state'));
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `dvdi-bridge: ${f}:1: token contains U+20AC, which an Authorization header cannot carry (HTTP headers hold Latin-1 only), so no client could send it; regenerate it with \`openssl rand -hex 32\`\n`);
  });

  it('a policy file saved with a byte-order mark is read like one without', () => {
    const t = join(dir, 'tokens');
    writeFileSync(t, `ops:${TOKEN}\n`);
    const p = join(dir, 'bom-policy.json');
    writeFileSync(p, '\uFEFF' + JSON.stringify({ opps: { allowCreate: false } }));
    const r = runCli('serve', '--listen', '127.0.0.1:0', '--token-file', t, '--policy', p, '--state-dir', join(dir, 'bom-state'));
    assert.equal(r.status, 2);
    // The file's content is judged (a misspelt token name), not its first byte.
    assert.match(r.stderr, /no entry for token "ops"/);
  });

  it('a policy entry for a token that does not exist', () => {
    const t = join(dir, 'tokens');
    writeFileSync(t, `ops:${TOKEN}\n`);
    const p = join(dir, 'policy.json');
    writeFileSync(p, JSON.stringify({ opps: { allowCreate: false } }));
    const r = runCli('serve', '--listen', '127.0.0.1:0', '--token-file', t, '--policy', p);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /no entry for token "ops"/);
  });
});
