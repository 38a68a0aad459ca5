/**
 * Every address a TCP plugin's host name stands for, so that `tcp://localhost:8080` and `tcp://127.0.0.1:8080` are
 * known for one plugin (plugin/endpoint.ts). The answer is what dns.lookup with `all: true` gives — getaddrinfo(3)
 * through NSS: /etc/hosts, then DNS, as the plugin client's own connect (and dvdcli's Go resolver, which also reads
 * /etc/hosts first) will see it — but it is not asked through dns.lookup: that runs getaddrinfo on one of libuv's
 * four pool threads and cannot be interrupted, and a resolver that does not answer holds the thread for as long as
 * resolv.conf lets it retry, while the journal and mountinfo reads of every request wait for a free thread (the
 * lesson of inuse/resolveParent.ts). So it runs as `getent ahosts <host>` (glibc's getaddrinfo front end) in a
 * child process of its own, killed after the timeout, like the realpath there; without getent, as dns.lookup in a
 * child node (lookupArgv).
 *
 * Answers are kept for a moment, as resolveParent's are: every dry run through a TCP plugin asks, and many at once
 * should cost one child. A failed lookup is not kept: a fixed /etc/hosts or DNS must be seen at once.
 */
import { existsSync } from 'node:fs';
import { isIP } from 'node:net';
import { howItEnded, runKillable } from './killableChild';

/** Looked for where Debian puts it; none found: the node child below (lookupArgv). */
const GETENT = ['/usr/bin/getent', '/bin/getent'].find((p) => existsSync(p));

/** A healthy lookup takes milliseconds; glibc's own per-server wait is 5 s (resolv.conf(5) `timeout`). */
const LOOKUP_TIMEOUT_MS = 5_000;
const LOOKUP_CACHE_MS = 2_000;

export type HostAnswer = { addresses: string[] } | { unresolved: string };

const cache = new Map<string, { until: number; answer: HostAnswer }>();
const inFlight = new Map<string, Promise<HostAnswer>>();

/** One spelling per address: `::ffff:1.2.3.4` is 1.2.3.4, an IPv6 address in its shortest form (as WHATWG URL writes it). */
export function canonicalAddress(addr: string): string {
  const a = addr.replace(/^\[|\]$/g, '');
  if (isIP(a) !== 6) return a;
  const short = new URL(`http://[${a}]/`).hostname.slice(1, -1); // ::ffff:127.0.0.1 comes out as ::ffff:7f00:1
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(short);
  if (!mapped) return short;
  const [hi, lo] = [parseInt(mapped[1]!, 16), parseInt(mapped[2]!, 16)];
  return [hi >> 8, hi & 255, lo >> 8, lo & 255].join('.');
}

/** The addresses of `host` (an IP literal is its own and only address), or why there are none. */
export function hostAddresses(host: string, timeoutMs = LOOKUP_TIMEOUT_MS): Promise<HostAnswer> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (isIP(bare)) return Promise.resolve({ addresses: [canonicalAddress(bare)] });
  const key = bare.toLowerCase(); // DNS names are case-insensitive (RFC 4343), and so is /etc/hosts
  const hit = cache.get(key);
  if (hit && hit.until > Date.now()) return Promise.resolve(hit.answer);
  const running = inFlight.get(key);
  if (running) return running;
  const p = runGetent(key, timeoutMs).then((answer) => {
    inFlight.delete(key);
    if ('addresses' in answer) {
      if (cache.size > 1000) cache.clear();
      cache.set(key, { until: Date.now() + LOOKUP_CACHE_MS, answer });
    }
    return answer;
  });
  inFlight.set(key, p);
  return p;
}

/**
 * What runs the lookup. getent is glibc's (Debian's libc-bin, Essential: on every agent); where it is missing or cannot
 * be run (a slimmed image, a musl system without it) the bridge's own node binary does it instead, as a child too:
 * dns.lookup with `all` is the same getaddrinfo(3) answer, printed one address a line as getent prints them, and the
 * child is killed after the timeout like getent would be. Nothing to install either way; never a lookup on the pool.
 */
const NODE_LOOKUP = `require('dns').lookup(process.argv[1], { all: true }, (e, a) => {
  if (e) { process.stderr.write(String(e.code)); process.exit(e.code === 'ENOTFOUND' ? 2 : 1); }
  for (const x of a) process.stdout.write(x.address + '\\n');
});`;
const lookupArgv = (via: 'getent' | 'node', host: string): string[] =>
  // After `--` the name is never read as an option, whatever it starts with.
  via === 'getent' ? [GETENT ?? 'getent', 'ahosts', '--', host] : [process.execPath, '-e', NODE_LOOKUP, '--', host];

/**
 * In a killable child (killableChild.ts: its own process group, timeout(1) as a backstop), getent first; when getent
 * cannot be run (timeout(1) exits 126 or 127 for a program it cannot execute, or there is no timeout(1) and the spawn
 * fails), the node child, within what is left of the same time.
 */
async function runGetent(host: string, timeoutMs: number): Promise<HostAnswer> {
  const deadline = Date.now() + timeoutMs;
  let via: 'getent' | 'node' = GETENT ? 'getent' : 'node';
  for (;;) {
    const r = await runKillable(lookupArgv(via, host), Math.max(1, deadline - Date.now()));
    const cannotRun = r.kind === 'failed' ? /\((ENOENT|EACCES)\)$/.test(r.why) : r.kind === 'exited' && (r.code === 126 || r.code === 127);
    if (via === 'getent' && cannotRun) {
      via = 'node';
      continue;
    }
    if (r.kind === 'timedOut') return { unresolved: `no answer from the resolver within ${timeoutMs} ms` };
    if (r.kind === 'failed') return { unresolved: `${r.why} to look it up` };
    const err = r.stderr.trim();
    // getent(1): exit 2 = "One or more supplied key could not be found in the database" (the node child says the same).
    if (r.code === 2) return { unresolved: 'no such host (not in /etc/hosts or DNS)' };
    if (r.code !== 0) return { unresolved: `${via === 'getent' ? 'getent ahosts' : "node's dns.lookup"} ${howItEnded(r)}${err ? ` (${err.slice(0, 200)})` : ''}` };
    // Lines are "<address> <socktype> [<canonical name>]"; each address comes once per socket type.
    const out = r.stdout.toString('utf8');
    const addresses = [...new Set(out.split('\n').map((l) => l.trim().split(/\s+/)[0] ?? '').filter((a) => isIP(a)).map(canonicalAddress))];
    return addresses.length ? { addresses } : { unresolved: 'the lookup returned no address' };
  }
}
