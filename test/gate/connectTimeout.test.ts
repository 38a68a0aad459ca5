// What a client gets when Marathon's host does not answer the gate's connection at all (down, firewalled, a wrong
// address: its SYN unanswered, which the kernel retries for about two minutes): a 502 within --marathon-timeout, saying
// that Marathon did not answer the connection within that time, at which URL, and what to check. Real loopback HTTP
// through an in-process gate; what it fronts is no Marathon stand-in but a real process, stopped, whose listening
// socket's accept queue is full, so that the kernel drops every further SYN as a blackholed host does.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import type { RunningGate } from '../../gate/src/gate';
import { gateInFrontOf } from './harness';

let silent: ChildProcess;
let port: number;
const fillers: Socket[] = [];
const gates: RunningGate[] = [];

before(async () => {
  // backlog 1: the queue holds two connections; the process never accepts them once stopped.
  silent = spawn(process.execPath, ['-e', "const s = require('net').createServer().listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => console.log(s.address().port))"], { stdio: ['ignore', 'pipe', 'inherit'] });
  port = Number(await new Promise<string>((resolve) => silent.stdout!.once('data', (d: Buffer) => resolve(String(d).trim()))));
  silent.kill('SIGSTOP');
  // Fill the queue until a connection is left unanswered (SYN-SENT): from then on every SYN is dropped.
  for (let i = 0; i < 8; i++) {
    const s = connect(port, '127.0.0.1');
    s.on('error', () => {});
    fillers.push(s);
    const answered = await new Promise<boolean>((resolve) => {
      s.once('connect', () => resolve(true));
      setTimeout(() => resolve(false), 300);
    });
    if (!answered) return;
  }
  throw new Error('every connection was answered: the stopped process\'s accept queue did not fill');
});
after(async () => {
  for (const g of gates) await g.close();
  for (const s of fillers) s.destroy();
  silent.kill('SIGKILL');
});

async function through(method: string, path: string, body?: string): Promise<{ status: number; message: string }> {
  const g = await gateInFrontOf(`http://127.0.0.1:${port}`, { fail: 'open', marathonTimeoutMs: 300, clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
  gates.push(g);
  // The client's own bound, far below the kernel's two minutes, so that a gate that waits fails here instead.
  const res = await fetch(`${g.url}${path}`, { method, body, headers: body ? { 'Content-Type': 'application/json' } : {}, signal: AbortSignal.timeout(10_000) });
  const text = await res.text();
  return { status: res.status, message: (JSON.parse(text) as { message: string }).message };
}

test('a proxied GET to a Marathon that does not answer the connection: a 502 naming the URL, the time waited and what to check', async () => {
  const a = await through('GET', '/v2/apps');
  assert.equal(a.status, 502, a.message);
  assert.match(a.message, new RegExp(`^marathon-gate could not reach Marathon at http://127\\.0\\.0\\.1:${port}: `));
  assert.match(a.message, /did not answer the connection within 0\.3 s \(--marathon-timeout\)/);
  assert.match(a.message, /check that/);
  assert.doesNotMatch(a.message, /no answer within/);
});

test('a judged write to a Marathon that does not answer the connection: the same words', async () => {
  const a = await through('POST', '/v2/apps', JSON.stringify({ id: '/silent/web', cmd: 'sleep 1' }));
  assert.equal(a.status, 502, a.message);
  assert.match(a.message, /did not answer the connection within 0\.3 s \(--marathon-timeout\)/);
});

test('an HTTPS Marathon whose host takes the TCP connection but never answers the TLS handshake (its process hung, the kernel accepting for it): the same 502 within --marathon-timeout', async () => {
  // A real TCP listener that accepts and never writes: no byte of the request can have gone out before a handshake.
  const mute = createServer((s) => s.on('error', () => {}));
  await new Promise<void>((resolve) => mute.listen(0, '127.0.0.1', resolve));
  const mutePort = (mute.address() as AddressInfo).port;
  try {
    const g = await gateInFrontOf(`https://127.0.0.1:${mutePort}`, { fail: 'open', marathonTimeoutMs: 300, clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 300 } });
    gates.push(g);
    const res = await fetch(`${g.url}/v2/apps`, { signal: AbortSignal.timeout(10_000) });
    const { message } = (await res.json()) as { message: string };
    assert.equal(res.status, 502, message);
    assert.match(message, new RegExp(`^marathon-gate could not reach Marathon at https://127\\.0\\.0\\.1:${mutePort}: `));
    assert.match(message, /did not answer the connection within 0\.3 s \(--marathon-timeout\)/);
  } finally {
    mute.close();
    mute.unref();
  }
});
