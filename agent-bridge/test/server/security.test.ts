import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseListen } from '../../src/cli/args';
import { createOriginCheck } from '../../src/security/origin';
import { parsePolicy, policyRefusal, SAFE_DEFAULT } from '../../src/security/policyFile';
import { bearerToken, parseTokenFile, subprotocolToken } from '../../src/security/tokens';

const A = 'a'.repeat(32);
const B = 'b'.repeat(32);

describe('token file', () => {
  it('matches by content and returns the name, not the token', () => {
    const t = parseTokenFile(`# comment\n\nops:${A}\n${B}\n`);
    assert.deepEqual(t.names(), ['ops', 'token2']);
    assert.equal(t.match(A), 'ops');
    assert.equal(t.match(B), 'token2');
    assert.equal(t.match(A.slice(1)), undefined, 'a prefix is not the token');
    assert.equal(t.match(A + 'x'), undefined);
    assert.equal(t.match(''), undefined);
  });

  it('refuses files that would weaken authentication, saying what to do', () => {
    assert.throws(() => parseTokenFile('\n# only comments\n'), /no token/);
    assert.throws(() => parseTokenFile('ops:short'), /shorter than 16.*openssl rand/);
    assert.throws(() => parseTokenFile(`ops:${A}\nops:${B}`), /appears twice/);
    assert.throws(() => parseTokenFile(`bad name:${A}`), /whitespace|not valid/);
  });

  it('reads Bearer headers and browser subprotocols', () => {
    assert.equal(bearerToken(`Bearer ${A}`), A);
    assert.equal(bearerToken(`bearer  ${A}`), A);
    assert.equal(bearerToken(`Basic ${A}`), undefined);
    assert.equal(bearerToken(undefined), undefined);
    assert.equal(subprotocolToken(`dvdi-bridge.v1, bearer.${A}`), A);
    assert.equal(subprotocolToken('dvdi-bridge.v1, bearer.'), undefined);
  });
});

describe('policy file', () => {
  it('resolves per token with "*" as the fallback, and refuses outside the policy', () => {
    const p = parsePolicy(JSON.stringify({ ci: { allowedDrivers: ['rexray'], volumeNamePatterns: ['ci-.*'] }, '*': { allowCreate: true } }), ['ci', 'dev']);
    assert.equal(p('dev').allowCreate, true);
    assert.equal(policyRefusal(p('ci'), { driver: 'rexray', name: 'ci-1' }), undefined);
    assert.match(policyRefusal(p('ci'), { driver: 'pxd', name: 'ci-1' })!, /not allowed/);
    assert.match(policyRefusal(p('ci'), { driver: 'rexray', name: 'xci-1' })!, /volumeNamePatterns/);
    assert.match(policyRefusal(p('ci'), { driver: 'rexray', name: 'ci-1\nprod' })!, /volumeNamePatterns/, 'patterns match the whole name');
  });

  it('names the mistake in a bad policy file', () => {
    assert.throws(() => parsePolicy('{', ['a']), /not valid JSON/);
    assert.throws(() => parsePolicy('{"a": {"allowcreate": true}}', ['a']), /"a"\.allowcreate is not a policy field/);
    assert.throws(() => parsePolicy('{"a": {"volumeNamePatterns": ["("]}}', ['a']), /volumeNamePatterns\[0\] is not a valid regular expression/);
    assert.throws(() => parsePolicy('{"a": {"allowCreate": "yes"}}', ['a']), /allowCreate must be true or false/);
    assert.throws(() => parsePolicy('{"a": {}}', ['a', 'b']), /no entry for token "b"/);
  });

  it('without a policy file nothing may be created and no destructive option passes', () => {
    assert.equal(SAFE_DEFAULT.allowCreate, false);
    assert.deepEqual(SAFE_DEFAULT.allowDestructiveOptions, []);
  });
});

describe('origin check and --listen', () => {
  it('allows no Origin, listed origins (normalised) and nothing else', () => {
    const ok = createOriginCheck(['https://ops.example.com']);
    assert.equal(ok(undefined), true);
    assert.equal(ok('https://OPS.example.com:443'), true);
    assert.equal(ok('http://ops.example.com'), false);
    assert.equal(ok('https://ops.example.com.evil.net'), false);
    assert.equal(ok('null'), false);
    assert.equal(ok('not a url'), false);
  });

  it('parses HOST:PORT forms and refuses others', () => {
    assert.deepEqual(parseListen('127.0.0.1:8474'), { host: '127.0.0.1', port: 8474 });
    assert.deepEqual(parseListen('[::1]:0'), { host: '::1', port: 0 });
    assert.deepEqual(parseListen(':8474'), { host: '0.0.0.0', port: 8474 });
    assert.throws(() => parseListen('8474'), /HOST:PORT/);
    assert.throws(() => parseListen('h:70000'), /HOST:PORT/);
  });
});
