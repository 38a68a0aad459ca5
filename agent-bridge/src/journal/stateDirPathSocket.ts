/**
 * The part of the state dir lock (stateDirLock.ts) that reaches across namespaces: the holder of `bridge.lock`
 * listens on the unix socket `<stateDir>/bridge.sock`. A socket bound to a path is found through the filesystem,
 * so a bridge in another network namespace (where the abstract name of stateDirSocket.ts is another name) and in
 * another pid namespace (where the record's pid and start time name nobody, or someone else) reaches it as long as it
 * sees the dir: two containers given one host dir as their state dir. The kernel closes the listening socket when
 * its bridge dies, -9 included; the file stays, and a connect to it is then refused, which is how a killed holder
 * shows. Only a bridge that holds `bridge.lock` (re)binds the path, so no running holder's socket is replaced.
 */
import { unlink } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { join } from 'node:path';

const HOLDER_SOCKET = 'bridge.sock';

/**
 * Listens on `<stateDir>/bridge.sock`, replacing the file a killed holder left. Undefined when it cannot (a path
 * longer than sun_path's 108 bytes, say): bridges of other pid namespaces then cannot see this one, as before.
 */
export async function listenForHolderCheck(stateDir: string): Promise<{ close(): Promise<void> } | undefined> {
  const path = join(stateDir, HOLDER_SOCKET);
  await unlink(path).catch(() => undefined);
  // Nothing to say: a connection that is accepted proves the holder alive. Dropped at once, so none lingers and
  // none holds up close().
  const server = createServer((c) => {
    c.on('error', () => undefined);
    c.destroy();
  });
  const failed = await new Promise<Error | undefined>((res) => {
    server.once('error', res);
    server.listen(path, () => res(undefined));
  });
  if (failed) return undefined;
  server.on('error', () => undefined);
  server.unref();
  return {
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r()); // libuv removes the socket file
      }),
  };
}

/**
 * Whether a process listens on `<stateDir>/bridge.sock`: false only when nobody can (no file, or connect refused: its
 * holder is gone); anything else, a full backlog included, counts as a live holder.
 */
export function holderListens(stateDir: string): Promise<boolean> {
  return new Promise((res) => {
    const c = createConnection(join(stateDir, HOLDER_SOCKET));
    const done = (alive: boolean) => {
      clearTimeout(timer);
      c.destroy();
      res(alive);
    };
    // A listener's kernel completes the connect even while its process is stopped; a timeout is a stuck connect.
    const timer = setTimeout(() => done(true), 5_000);
    c.once('connect', () => done(true));
    c.once('error', (e: NodeJS.ErrnoException) => done(!(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || e.code === 'ENOTSOCK')));
  });
}
