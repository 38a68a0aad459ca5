// The cluster token reaches the language server only through its environment at start (MARATHON_CLUSTER_TOKEN): a token
// changed in SecretStorage (Connect to Cluster here, or another window: secrets.onDidChange) restarts it, once, and only
// when it differs from the one it runs with. The "server" is a real process started with the same env object, which
// reports the token it was given; the store is the map SecretStorage would hold.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { clusterTokenEnv } from '../../language-server/src/protocol';
import { ServerTokenSync } from '../src/serverTokenSync';

function harness() {
  const secrets = new Map<string, string>();
  const env: NodeJS.ProcessEnv = {};
  const seen: (string | undefined)[] = [];
  let child: ChildProcess | undefined;
  let busy = 0;
  let overlapped = false;
  const launch = async () => {
    busy++;
    if (busy > 1) overlapped = true;
    child?.kill();
    // As vscode-languageclient does: the process environment with the client's env object on top.
    child = spawn(process.execPath, ['-e', `process.stdout.write(JSON.stringify(process.env[${JSON.stringify(clusterTokenEnv)}] ?? null))`], { env: { ...process.env, [clusterTokenEnv]: undefined, ...env } });
    let out = '';
    child.stdout!.on('data', (d) => (out += d));
    await once(child, 'close');
    seen.push(JSON.parse(out) ?? undefined);
    busy--;
  };
  let started = false;
  const sync = new ServerTokenSync(async () => secrets.get('marathon.cluster.token'), env, { running: () => started, restart: launch, start: async () => { started = true; await launch(); } }, (e) => assert.fail(String(e)));
  return { secrets, seen, sync, overlapped: () => overlapped, startServer: async () => { await sync.load(); started = true; await launch(); } };
}

test('a token changed elsewhere restarts the running server with it; the same token again restarts nothing', async () => {
  const h = harness();
  h.secrets.set('marathon.cluster.token', 'token-a');
  await h.startServer();
  h.secrets.set('marathon.cluster.token', 'token-b');
  await h.sync.changed();
  await h.sync.changed(); // a second event for the same value (this window's own store, seen after the restart)
  h.secrets.delete('marathon.cluster.token');
  await h.sync.changed();
  assert.deepEqual(h.seen, ['token-a', 'token-b', undefined]);
});

test('Connect to Cluster restarts once with the token it stored, though its own store also fires the change event', async () => {
  const h = harness();
  await h.startServer();
  await h.sync.whileConnecting(async () => {
    h.secrets.set('marathon.cluster.token', 'token-c');
    void h.sync.changed(); // secrets.onDidChange for the store above, while the command still runs
    return true;
  });
  // Cancelled: nothing restarts; confirmed with the same token: restarts anyway (the user asked to connect).
  await h.sync.whileConnecting(async () => false);
  await h.sync.whileConnecting(async () => true);
  assert.deepEqual(h.seen, [undefined, 'token-c', 'token-c']);
});

test('changes in quick succession restart one after the other, the last token last', async () => {
  const h = harness();
  h.secrets.set('marathon.cluster.token', 'token-1');
  await h.startServer();
  const pending: Promise<void>[] = [];
  for (const t of ['token-2', 'token-3', 'token-4']) {
    h.secrets.set('marathon.cluster.token', t);
    pending.push(h.sync.changed());
  }
  await Promise.all(pending);
  assert.equal(h.overlapped(), false, 'never two restarts at once');
  assert.equal(h.seen[h.seen.length - 1], 'token-4');
});

test('no server yet: a change waits for its start; Connect to Cluster starts it', async () => {
  const h = harness();
  h.secrets.set('marathon.cluster.token', 'token-x');
  await h.sync.changed();
  assert.deepEqual(h.seen, []);
  await h.sync.whileConnecting(async () => true);
  assert.deepEqual(h.seen, ['token-x']);
});

test('a token changed in another window while Connect to Cluster is open, then cancelled, still reaches the server', async () => {
  const h = harness();
  h.secrets.set('marathon.cluster.token', 'token-a');
  await h.startServer();
  await h.sync.whileConnecting(async () => {
    h.secrets.set('marathon.cluster.token', 'token-b'); // the other window's store, seen while this one's input box is open
    void h.sync.changed();
    return false; // the user cancels this window's Connect to Cluster
  });
  assert.deepEqual(h.seen, ['token-a', 'token-b']);
});

test('"Restart Language Server" run while a token change restarts the server waits for it, and restarts with the stored token', async () => {
  const h = harness();
  h.secrets.set('marathon.cluster.token', 'token-1');
  await h.startServer();
  h.secrets.set('marathon.cluster.token', 'token-2');
  await Promise.all([h.sync.changed(), h.sync.restartServer(), h.sync.changed()]);
  assert.equal(h.overlapped(), false, 'never two restarts at once');
  assert.deepEqual(h.seen, ['token-1', 'token-2', 'token-2']);
});
