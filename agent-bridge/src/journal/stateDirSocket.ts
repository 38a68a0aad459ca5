/**
 * The part of the state dir lock (stateDirLock.ts) that the kernel keeps: a unix socket bound in Linux's abstract
 * namespace (unix(7)) under a name made of the state dir's device and inode, so that every path to the dir (a
 * symlink, a bind mount, `..`) is one name. bind(2) of a name already bound fails with EADDRINUSE, atomically, and the
 * kernel drops the name when the last descriptor of the socket closes: when the bridge exits however it exits, -9
 * included, even while it is a zombie not yet reaped. So there is nothing stale to judge and nothing to take over,
 * and two bridges started at the same instant cannot both hold it. Node opens every descriptor close-on-exec, so the
 * dvdcli, getent and realpath children a bridge spawns never keep the name alive after it.
 *
 * What it does not cover: abstract names belong to a network namespace, so two bridges in two network namespaces
 * (two containers given one host dir as state dir) do not see each other's; `bridge.lock` and the holder socket
 * beside it cover those (stateDirLock.ts, stateDirPathSocket.ts). And any process of the namespace may bind any
 * abstract name (there are no file permissions on it): a process that holds this one and does not answer as a
 * bridge is named as such, with the command that shows it, rather than taken for a bridge.
 *
 * A bridge that finds the name held asks the holder who it is: the holder answers every connection with its lock
 * record (pid, start time, since) and closes it, which gives the one-line refusal its pid even when the holder has
 * not written `bridge.lock` yet. A holder that closes without a word is one that died while asked (a bridge killed
 * with its question still in its backlog): the name may be free now, so the asker binds again. And whoever connects,
 * however long it keeps its end open, cannot hold up the holder's exit: close() drops every connection.
 */
import { stat } from 'node:fs/promises';
import { createConnection, createServer, type Server, type Socket } from 'node:net';

/** What a holding bridge answers: its own lock record (stateDirLock.ts). */
export interface HolderRecord {
  pid: number;
  start: string;
  since: string;
}

/**
 * A holder that does not answer within this long is not an answering bridge: a healthy one answers in milliseconds, a
 * starved one (a loaded agent) may take a while; the wait is paid only on the way to a refusal.
 */
const ANSWER_TIMEOUT_MS = 5_000;

/**
 * The abstract name for `stateDir` (a leading NUL byte: unix(7)); shown with `@` for it, as ss(8) and /proc/net/unix do.
 * Node 20 binds it padded with NULs to the full sun_path (ss shows trailing `@`s): a runtime that binds the exact
 * length makes it another name, which is one more case the pid record in `bridge.lock` covers.
 */
export async function stateDirSocketName(stateDir: string): Promise<string> {
  const s = await stat(stateDir, { bigint: true }); // bigint: an inode may not fit a double (XFS, btrfs)
  return `\0dvdi-bridge/state-dir/${s.dev}:${s.ino}`;
}

export type SocketHold = { held: true; close(): Promise<void> } | { held: false; holder: HolderRecord | undefined; shown: string };

/**
 * Binds the name for this process, answering `own` to whoever asks; or, when another process holds it, what that
 * one answers (undefined: no answer). A holder that goes away between our bind and our question is retried.
 */
export async function holdStateDirSocket(stateDir: string, own: HolderRecord): Promise<SocketHold> {
  const name = await stateDirSocketName(stateDir);
  const shown = `@${name.slice(1)}`;
  for (let attempt = 0; ; attempt++) {
    const peers = new Set<Socket>();
    const server = createServer((c) => {
      peers.add(c);
      c.once('close', () => peers.delete(c));
      c.on('error', () => undefined); // an asker that went away: nothing to tell it, and no crash for it
      // Once the answer is out, the connection is done: a peer that keeps its end open (Python, socat, `nc -U`)
      // must not keep a descriptor here.
      c.end(JSON.stringify(own) + '\n', () => c.destroy());
    });
    const bound = await new Promise<NodeJS.ErrnoException | undefined>((res) => {
      server.once('error', res);
      server.listen(name, () => res(undefined));
    });
    if (!bound) {
      server.on('error', () => undefined); // after listen only accept errors come here; the name stays ours
      server.unref(); // the lock alone must not keep a process alive that has nothing else left to do
      return { held: true, close: () => closeServer(server, peers) };
    }
    if (bound.code !== 'EADDRINUSE') throw bound;
    const asked = await askHolder(name);
    if (asked === 'gone' && attempt < 3) continue; // it went away between our bind and its answer: try again
    return { held: false, holder: asked === 'gone' ? undefined : asked, shown };
  }
}

/**
 * server.close() calls back only once every accepted connection has ended: one peer that never closes its end would
 * hold the bridge's shutdown (SIGTERM) forever. The listening socket, and with it the name, goes at once either way.
 */
function closeServer(s: Server, peers: Set<Socket>): Promise<void> {
  return new Promise<void>((r) => {
    s.close(() => r());
    for (const c of peers) c.destroy();
  });
}

/**
 * The holder's record; undefined if it answers something else, or nothing in time; 'gone' if nobody listens any more
 * or the holder closed without a byte (reset or plain end): a bridge always answers, so it died while we asked.
 */
function askHolder(name: string): Promise<HolderRecord | undefined | 'gone'> {
  return new Promise((res) => {
    let text = '';
    const c = createConnection(name);
    const timer = setTimeout(() => finish(undefined), ANSWER_TIMEOUT_MS);
    const finish = (r: HolderRecord | undefined | 'gone') => {
      clearTimeout(timer);
      c.destroy();
      res(r);
    };
    c.setEncoding('utf8');
    c.on('data', (d: string) => {
      text += d;
      if (text.length > 4096) finish(undefined); // not a lock record
    });
    c.on('end', () => finish(text === '' ? 'gone' : parseRecord(text)));
    c.on('error', (e: NodeJS.ErrnoException) => finish(e.code === 'ECONNREFUSED' || e.code === 'ENOENT' || (e.code === 'ECONNRESET' && text === '') ? 'gone' : undefined));
  });
}

function parseRecord(text: string): HolderRecord | undefined {
  try {
    const r = JSON.parse(text) as Partial<HolderRecord>;
    return typeof r.pid === 'number' && typeof r.start === 'string' ? { pid: r.pid, start: r.start, since: String(r.since ?? '?') } : undefined;
  } catch {
    return undefined;
  }
}
