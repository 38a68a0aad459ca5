// The status bar's reachability of the current agent, against real HTTP servers: a bridge whose /healthz answers and
// one that never answers (a hung agent). Switching agents while the old one's probe is still waiting must not let
// that late "down" stand for the new agent, which answered meanwhile.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { probeAgent } from '@marathon-devtools/agent-bridge/client/healthProbe';
import { AgentReachability } from '../src/agentReachability';

const servers: Server[] = [];
after(() => {
  for (const s of servers) s.closeAllConnections();
  for (const s of servers) s.close();
});

async function bridge(answers: boolean): Promise<string> {
  const s = createServer((req, res) => {
    if (answers && req.url === '/healthz') res.end('ok');
    // else: hold the request, as a hung agent does
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return `ws://127.0.0.1:${(s.address() as AddressInfo).port}`;
}

test('a late answer for the agent the user switched away from does not stand for the current one', async () => {
  const hung = await bridge(false);
  const up = await bridge(true);
  const r = new AgentReachability((url) => probeAgent(url, 400));
  const first = r.refresh(hung); // agent A, selected at activation
  const second = r.refresh(up); // the user selects agent B before A's probe times out
  await Promise.all([first, second]);
  assert.equal(r.of(up), 'up');
});

test('one agent: up, then down once it stops answering', async () => {
  const up = await bridge(true);
  const r = new AgentReachability((url) => probeAgent(url, 400));
  assert.equal(r.of(up), 'unknown');
  await r.refresh(up);
  assert.equal(r.of(up), 'up');
  servers[servers.length - 1].close();
  servers[servers.length - 1].closeAllConnections();
  await r.refresh(up);
  assert.equal(r.of(up), 'down');
  await r.refresh(undefined);
  assert.equal(r.of(up), 'unknown');
});
