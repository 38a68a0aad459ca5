// A client may half-close its connection once its request is sent (`printf … | nc -N`, socat, a TCP-mode balancer
// passing the client's FIN on): it has nothing more to send but still reads the answer (RFC 9112 §9.6). Marathon's
// Jetty answers such a request; so must the gate, whose answer comes after an await (judging, Marathon's own answer).
// Real loopback HTTP through an in-process gate to the stand-in Marathon.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { gateInFrontOfStandin } from './harness';

const lab = gateInFrontOfStandin();

/** Sends `raw`, half-closes (FIN, still reading) and resolves with everything read until the gate closes, or after 5 s. */
function sendThenHalfClose(raw: string): Promise<string> {
  const port = Number(new URL(lab.gate.url).port);
  return new Promise((resolve) => {
    const s = connect({ port, host: '127.0.0.1', allowHalfOpen: true }, () => s.end(raw));
    let text = '';
    s.on('data', (c: Buffer) => (text += c.toString('utf8')));
    const timer = setTimeout(() => {
      s.destroy();
      resolve(`${text}\n(still open after 5 s)`);
    }, 5_000);
    s.on('close', () => {
      clearTimeout(timer);
      resolve(text);
    });
  });
}

const post = (body: string) =>
  `POST /v2/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;

test('a proxied GET from a client that half-closes after sending it gets Marathon\'s answer', async () => {
  const text = await sendThenHalfClose('GET /ping HTTP/1.1\r\nHost: x\r\n\r\n');
  assert.match(text, /^HTTP\/1\.1 200 /, JSON.stringify(text));
  assert.match(text, /pong/);
});

test('a valid app POSTed by a half-closing client: Marathon\'s 201 reaches the client, and the app is deployed once', async () => {
  const text = await sendThenHalfClose(post(JSON.stringify({ id: '/half/web', cmd: 'sleep 100' })));
  assert.match(text, /^HTTP\/1\.1 201 /, JSON.stringify(text));
  assert.equal(lab.marathon.requests.filter((r) => r.method === 'POST' && r.body.includes('/half/web')).length, 1);
});

test('an invalid app POSTed by a half-closing client gets the gate\'s 422, and nothing reaches Marathon', async () => {
  const text = await sendThenHalfClose(post(JSON.stringify({ id: '/half/bad' })));
  assert.match(text, /^HTTP\/1\.1 422 /, JSON.stringify(text));
  assert.match(text, /app-cmd-args-container/);
  assert.equal(lab.marathon.requests.filter((r) => r.body.includes('/half/bad')).length, 0);
});

test('a client that half-closes mid-body is still a body cut short: nothing reaches Marathon, no answer is made up', async () => {
  const body = JSON.stringify({ id: '/half/cut', cmd: 'sleep 100' });
  const raw = `POST /v2/apps HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length + 10}\r\n\r\n${body}`;
  const text = await sendThenHalfClose(raw);
  assert.doesNotMatch(text, /^HTTP\/1\.1 2/, JSON.stringify(text));
  assert.equal(lab.marathon.requests.filter((r) => r.body.includes('/half/cut')).length, 0);
});
