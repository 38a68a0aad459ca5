// The pinned command line of marathon-gate (issue 9's contract) and its usage errors, one line each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseGateArgs } from '../src/cli/args';

test('the full contract parses', () => {
  const r = parseGateArgs([
    '--listen', '[::1]:8080', '--marathon', 'https://m.example:8443/service/marathon', '--mode', 'warn', '--fail', 'open',
    '--config', 'marathon-lint.config.json', '--marathon-token-file', 't', '--marathon-ca', 'ca.pem', '--tls-cert', 'c.pem', '--tls-key', 'k.pem',
  ]);
  assert.ok(r.ok);
  assert.equal(r.options.host, '::1');
  assert.equal(r.options.port, 8080);
  assert.equal(r.options.marathon.href, 'https://m.example:8443/service/marathon');
  assert.equal(r.options.mode, 'warn');
  assert.equal(r.options.fail, 'open');
  assert.equal(r.options.tokenFile, 't');
  assert.equal(r.options.caFile, 'ca.pem');
  assert.deepEqual([r.options.tlsCert, r.options.tlsKey], ['c.pem', 'k.pem']);
});

test('defaults: deny, fail closed', () => {
  const r = parseGateArgs(['--listen', '127.0.0.1:0', '--marathon', 'http://127.0.0.1:8080']);
  assert.ok(r.ok);
  assert.equal(r.options.mode, 'deny');
  assert.equal(r.options.fail, 'closed');
  assert.equal(r.options.marathonTimeoutMs, 5_000);
});

test('--marathon-timeout: seconds, fractions allowed, whole ms, never 0, capped at what a Node timer holds', () => {
  const ms = (v: string) => {
    const r = parseGateArgs(['--listen', '127.0.0.1:0', '--marathon', 'http://m', '--marathon-timeout', v]);
    assert.ok(r.ok, v);
    return r.options.marathonTimeoutMs;
  };
  assert.equal(ms('30'), 30_000);
  assert.equal(ms('1.5'), 1_500);
  assert.equal(ms('1.001'), 1_001);
  assert.equal(ms('0.0001'), 1);
  assert.equal(ms('99999999'), 2 ** 31 - 1);
});

const mistakes: [string[], RegExp][] = [
  [['--marathon', 'http://m'], /--listen HOST:PORT is required/],
  [['--listen', '8080', '--marathon', 'http://m'], /"8080" is not HOST:PORT/],
  [['--listen', 'h:70000', '--marathon', 'http://m'], /is not HOST:PORT/],
  [['--listen', 'h:1'], /--marathon URL is required/],
  [['--listen', 'h:1', '--marathon', 'marathon:8080'], /must be an http:\/\/ or https:\/\/ URL/],
  [['--listen', 'h:1', '--marathon', 'not a url'], /is not a URL/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--mode', 'block'], /--mode "block" is not one of deny, warn, audit/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--fail', 'half'], /--fail "half" is not one of open, closed/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-token-file', 'a', '--marathon-credentials-file', 'b'], /exclude each other/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--tls-cert', 'c'], /go together/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--lsiten'], /Unknown option '--lsiten'/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--mode', 'deny', '--mode', 'warn'], /--mode is given more than once: give it once/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-timeout', '0'], /--marathon-timeout expects a number of seconds above 0, got '0'/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-timeout', '5s'], /--marathon-timeout expects a number of seconds above 0, got '5s'/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-timeout=-1'], /--marathon-timeout expects a number of seconds above 0, got '-1'/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-timeout', '-1'], /--marathon-timeout expects a number of seconds above 0, got '-1'/],
  [['--listen', 'h:1', '--marathon', 'http://m', '--marathon-timeout', '-0.5'], /--marathon-timeout expects a number of seconds above 0, got '-0\.5'/],
];
for (const [argv, message] of mistakes) {
  test(`usage error: ${argv.join(' ')}`, () => {
    const r = parseGateArgs(argv);
    assert.ok(!r.ok);
    assert.match(r.message, message);
    assert.ok(!r.message.includes('\n'), 'one line');
  });
}
