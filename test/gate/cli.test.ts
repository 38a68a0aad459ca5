// marathon-gate as a user starts it (the bundled bin, a real process), in front of the stand-in Marathon:
// the README's example over HTTPS (--tls-cert/--tls-key), the gate's own reads with --marathon-token-file,
// tokens never in its log, usage errors (TLS files included) as one line with exit 2, SIGTERM stops it cleanly.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { makeTestPki, type TestPki } from '../../agent-bridge/test/server/certs';
import { startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { gateBin, startGateProcess, type GateProcess } from './gateProcess';

const root = join(import.meta.dirname, '..', '..');
const bin = gateBin;
const token = 'dcos-token-for-the-gate-7f3a';

let marathon: StandinMarathon;
let pki: TestPki;
let gate: GateProcess;
let gateUrl: string;

before(async () => {
  marathon = await startStandinMarathon({ auth: { kind: 'token', token } });
  pki = makeTestPki();
  writeFileSync(join(pki.dir, 'token'), token + '\n');
  gate = await startGateProcess(['--marathon', marathon.url, '--marathon-token-file', join(pki.dir, 'token'), '--tls-cert', pki.paths.serverCert, '--tls-key', pki.paths.serverKey]);
  gateUrl = gate.url;
});
after(async () => {
  if (gate.proc.exitCode === null) gate.proc.kill('SIGKILL');
  await marathon.close();
});

function https(method: string, path: string, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `token=${token}` };
    if (body) headers['Content-Type'] = 'application/json';
    const req = request(`${gateUrl}${path}`, { method, ca: pki.ca, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

test('the README example: an external volume without a name is refused with Marathon\'s 422, over HTTPS', async () => {
  assert.match(gateUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
  // The body exactly as the README's curl line sends it.
  const body = /-d '(\{"id":"\/db".*\})'/.exec(readFileSync(join(root, 'README.md'), 'utf8'))?.[1];
  assert.ok(body, 'the README marathon-gate example (curl -d \'{"id":"/db",…}\') was not found');
  const a = await https('POST', '/v2/apps', body);
  assert.equal(a.status, 422);
  const d = JSON.parse(a.body) as { message: string; details: { path: string; errors: string[] }[] };
  assert.equal(d.message, 'Object is not valid');
  assert.ok(d.details.some((x) => x.path === '/container/volumes(0)/external/name' && x.errors[0].endsWith('(external-volume-name-required)')), a.body);
  assert.equal((await https('POST', '/v2/apps', JSON.stringify({ id: '/cli/web', cmd: 'sleep 100' }))).status, 201);
});

test('the gate reads the deployed apps with its token file; the token is never logged', async () => {
  const h = JSON.parse((await https('GET', '/_gate/healthz')).body) as { clusterState: { error: string | null; ageSeconds: number | null } };
  assert.equal(h.clusterState.error, null);
  assert.equal(typeof h.clusterState.ageSeconds, 'number');
  assert.ok(marathon.requests.some((r) => r.path === '/v2/groups' && r.authorized));
  assert.ok(!gate.log().includes(token), 'token in the log');
});

test('usage mistakes: one line naming the flag, exit 2, nothing listens', () => {
  const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', marathon.url, '--marathon-token-file', '/nonexistent/token'], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2);
  assert.equal(r.stderr, 'marathon-gate: --marathon-token-file /nonexistent/token: cannot read the token file (ENOENT)\n');
});

test('a --marathon URL that does not parse is shown without its user:password', () => {
  const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', 'http://ops:s3cret-9f@127.0.0.1:99999'], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2);
  assert.match(r.stderr, /--marathon "http:\/\/127\.0\.0\.1:99999" is not a URL/);
  assert.ok(!r.stderr.includes('s3cret-9f'), r.stderr);
});

test('a password with a bare % in --marathon\'s URL: one line naming the flag, never the password, exit 2; not an internal error', () => {
  const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', marathon.url.replace('//', '//ops:50%off-9f@')], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2, r.stderr);
  assert.equal(r.stderr.split('\n')[0], `marathon-gate: --marathon ${marathon.url}/: the user or password in the URL has a malformed %-escape (write % as %25)`);
  assert.ok(!r.stderr.includes('50%off'), r.stderr);
});

test('--marathon naming a path of Marathon\'s API (a URL copied from curl) is one usage line, exit 2; the gate does not start sending every request to /v2/v2/…', () => {
  for (const url of [`${marathon.url}/v2`, `${marathon.url}/v2/apps`, `${marathon.url}/service/marathon/v2/`]) {
    const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', url], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr.split('\n')[0], `marathon-gate: --marathon ${new URL(url).href}: this is a path of Marathon's API (/v2/…), not the URL it is served at: give the URL whose /v2/info answers, e.g. http://marathon.mesos:8080 or https://<dcos>/service/marathon`);
  }
});

test('a --config with mistakes: one line naming the file once, with line:column, as marathon-lint says it; exit 2', () => {
  const config = join(pki.dir, 'gate.config.json');
  writeFileSync(config, '{\n  "marathonVersion": "1.10",\n  rules: {}\n}\n');
  const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', marathon.url, '--config', config], { encoding: 'utf8', timeout: 20_000 });
  assert.equal(r.status, 2, r.stderr);
  const lines = r.stderr.trim().split('\n');
  assert.equal(lines.length, 1, r.stderr);
  assert.match(lines[0], new RegExp(`^marathon-gate: --config ${config.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}:3:3: Invalid JSON at line 3, column 3`));
  assert.equal(lines[0].split(config).length - 1, 1, `the file is named once: ${lines[0]}`);
});

test('TLS files that are not a certificate and its key: one line naming the flag and the file, exit 2', () => {
  const start = (cert: string, key: string) =>
    spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', marathon.url, '--tls-cert', cert, '--tls-key', key], { encoding: 'utf8', timeout: 20_000 });
  const { serverCert, serverKey, clientKey } = pki.paths;
  const encryptedKey = join(pki.dir, 'encrypted.key');
  const pem = generateKeyPairSync('ec', { namedCurve: 'prime256v1', privateKeyEncoding: { type: 'pkcs8', format: 'pem', cipher: 'aes-128-cbc', passphrase: 'x' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  writeFileSync(encryptedKey, pem.privateKey);
  for (const [cert, key, expected] of [
    [serverCert, encryptedKey, `marathon-gate: --tls-key ${encryptedKey}: the key is encrypted; give an unencrypted key (no passphrase is asked for)\n`],
    [serverKey, serverKey, `marathon-gate: --tls-cert ${serverKey}: not a PEM certificate\n`],
    [serverCert, serverCert, `marathon-gate: --tls-key ${serverCert}: not a PEM private key\n`],
    [serverCert, clientKey, `marathon-gate: --tls-key ${clientKey}: not the private key of the certificate in --tls-cert ${serverCert}\n`],
  ]) {
    const r = start(cert, key);
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, expected);
  }
});

test('a --marathon-ca whose certificate does not parse (a copy cut short): one line naming the flag and the file, exit 2, nothing listens', () => {
  // Node drops a CA certificate it cannot parse without a word: the gate would start and answer every request 502.
  const pem = readFileSync(pki.paths.ca, 'utf8').trim().split('\n');
  const cut = join(pki.dir, 'cut-ca.crt');
  writeFileSync(cut, [...pem.slice(0, Math.ceil(pem.length / 2)), pem[pem.length - 1]].join('\n') + '\n');
  const broken = join(pki.dir, 'unterminated-ca.crt');
  writeFileSync(broken, `${readFileSync(pki.paths.ca, 'utf8')}${pem.slice(0, -1).join('\n')}\n`);
  for (const [file, n] of [[cut, 1], [broken, 2]] as const) {
    const r = spawnSync(process.execPath, [bin, '--listen', '127.0.0.1:0', '--marathon', marathon.url.replace('http:', 'https:'), '--marathon-ca', file], { encoding: 'utf8', timeout: 20_000 });
    assert.equal(r.status, 2, r.stderr);
    assert.equal(r.stderr, `marathon-gate: --marathon-ca ${file}: certificate ${n} of the CA file is not a readable PEM certificate (cut short or altered?)\n`);
  }
});

test('SIGTERM stops the gate cleanly', async () => {
  const code = await new Promise<number | null>((resolve) => {
    gate.proc.once('exit', (c) => resolve(c));
    gate.proc.kill('SIGTERM');
  });
  assert.equal(code, 0);
  assert.match(gate.log(), /"msg":"stopping","signal":"SIGTERM"/);
});
