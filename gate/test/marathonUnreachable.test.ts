// The 502's words for a connection Marathon never answered: the gate's own bound (marathonAgent.ts) names
// --marathon-timeout; the kernel's, reached only when that bound is longer than its SYN retries, says so instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { marathonUnreachable } from '../src/marathonErrors';

const message = (err: unknown) => (JSON.parse(marathonUnreachable('http://10.0.0.5:8080', err, 5_000).body) as { message: string }).message;

test('the gate gave up connecting: the time waited and the flag that sets it, the URL, what to check', () => {
  const m = message(Object.assign(new Error('connect ETIMEDOUT'), { code: 'ETIMEDOUT', syscall: 'connect', connectTimeoutMs: 5_000 }));
  assert.equal(m, "marathon-gate could not reach Marathon at http://10.0.0.5:8080: it did not answer the connection within 5 s (--marathon-timeout): check that its host is up and reachable from the gate on that port (the address in --marathon, no firewall dropping the packets).");
});

test('the kernel gave up first: no time is claimed that the gate did not set', () => {
  const m = message(Object.assign(new Error('connect ETIMEDOUT 10.0.0.5:8080'), { code: 'ETIMEDOUT', syscall: 'connect' }));
  assert.match(m, /did not answer the connection before the system gave up retrying \(ETIMEDOUT\): check that its host is up/);
  assert.doesNotMatch(m, /within/);
});
