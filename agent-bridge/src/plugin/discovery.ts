/**
 * Locates a Docker volume plugin exactly as dvdcli does (vendored docker/pkg/plugins discovery, Docker 1.11):
 * sockets first (`<dir>/<d>.sock`, `<dir>/<d>/<d>.sock`), then spec files in the remaining dirs
 * (`<d>.spec`, `<d>/<d>.spec`, `<d>.json`, `<d>/<d>.json`). The first hit wins. Real dvdcli uses
 * `/run/docker/plugins` for sockets and `/etc/docker/plugins`, `/usr/lib/docker/plugins` for specs; the
 * bridge takes the list from its config so the same order applies to any layout.
 *
 * The looking (`stat` of a socket, reading a spec file, listing a dir) is done in a killable child process
 * (discoveryChild.ts), never with node's fs: a plugin dir on a hung mount, or an entry that is a symlink into one,
 * would hold a libuv pool thread for good, and four of them stall the whole bridge (inuse/resolveParent.ts). A look
 * that does not answer in time is `unanswered`: an explicit error for a dry run, "cannot rule out" for the in-use check.
 */
import { join } from 'node:path';
import { listPluginEntries, lookCandidates, type DiscoveryCandidate } from './discoveryChild';

export interface PluginAddress {
  /** `unix` (socketPath set) or `tcp` (baseUrl set). */
  transport: 'unix' | 'tcp';
  socketPath?: string;
  baseUrl?: string;
  /** What the agent would see: the socket path or the URL from the spec/json file. */
  address: string;
  /** File the address came from. */
  source: string;
  /** A socket found in the sockets dir: its path with every symlink resolved, as discovery saw it (plugin/endpoint.ts). */
  resolved?: string;
}

/**
 * What discovery says of one driver name: `found`; `none` (dvdcli's "plugin not found"); `broken` (the first spec
 * file that could be read is unusable; dvdcli fails the same way); `unanswered` (the plugin dirs did not answer in time,
 * or could not be looked at): nothing can be said of the name then, neither that it exists nor that it does not.
 */
export type Discovery = { kind: 'found'; addr: PluginAddress } | { kind: 'none' } | { kind: 'broken'; why: string } | { kind: 'unanswered'; why: string };

/** A healthy look takes milliseconds; as long as a realpath may take (inuse/resolveParent.ts). */
const DISCOVERY_TIMEOUT_MS = 5_000;

/** Parses a `.spec` URL or `.json` Addr into an address; dvdcli requires a scheme. */
export function parseAddress(url: string, source: string): PluginAddress {
  const u = url.trim();
  if (u.startsWith('unix://')) return { transport: 'unix', socketPath: u.slice('unix://'.length), address: u, source };
  if (u.startsWith('tcp://')) return { transport: 'tcp', baseUrl: 'http://' + u.slice('tcp://'.length), address: u, source };
  if (u.startsWith('http://')) return { transport: 'tcp', baseUrl: u, address: u, source };
  throw new Error(`plugin spec ${source} holds "${u}", which has no unix:// or tcp:// scheme; dvdcli would reject it too — fix the spec file`);
}

/**
 * Where dvdcli looks for `driver`, in its order: sockets only in its sockets dir (the first of `dirs`), then spec
 * files in every dir (dvdcli's specsPaths; a spec in the sockets dir is harmless to find).
 */
function candidatesOf(driver: string, dirs: readonly string[]): DiscoveryCandidate[] {
  const out: DiscoveryCandidate[] = [];
  for (const dir of dirs.slice(0, 1)) out.push({ kind: 'sock', path: join(dir, `${driver}.sock`) }, { kind: 'sock', path: join(dir, driver, `${driver}.sock`) });
  for (const dir of dirs) {
    out.push({ kind: 'spec', path: join(dir, `${driver}.spec`) }, { kind: 'spec', path: join(dir, driver, `${driver}.spec`) });
    out.push({ kind: 'json', path: join(dir, `${driver}.json`) }, { kind: 'json', path: join(dir, driver, `${driver}.json`) });
  }
  return out;
}

/** A hit as an address: a socket as it is, a spec file's text parsed as dvdcli parses it. */
function addressOf(c: DiscoveryCandidate, payload: string): Discovery {
  if (c.kind === 'sock') return { kind: 'found', addr: { transport: 'unix', socketPath: c.path, address: c.path, source: c.path, ...(payload ? { resolved: payload } : {}) } };
  try {
    if (c.kind === 'spec') return { kind: 'found', addr: parseAddress(payload, c.path) };
    let addr: unknown;
    try {
      addr = (JSON.parse(payload) as { Addr?: unknown }).Addr;
    } catch (e) {
      return { kind: 'broken', why: `plugin spec ${c.path} is not valid JSON (${(e as Error).message}); dvdcli would fail the same way — fix the file` };
    }
    if (typeof addr !== 'string') return { kind: 'broken', why: `plugin spec ${c.path} has no string "Addr"; add {"Addr":"unix:///path.sock"}` };
    return { kind: 'found', addr: parseAddress(addr, c.path) };
  } catch (e) {
    return { kind: 'broken', why: (e as Error).message };
  }
}

const notAnswering = (dirs: readonly string[], why: string, timedOut: boolean) =>
  `plugin discovery in ${dirs.join(', ')} ${why}${timedOut ? ': a filesystem on that path does not answer (a stopped FUSE daemon or a lost network mount, reached through the dir itself or a symlink in it)' : ''}`;

/**
 * How long a name whose dirs do not answer is remembered, as inuse/resolveParent.ts remembers a parent that does not:
 * a stopped mount costs at most one child per name at a time. A found address is never reused after its look ended
 * (only shared while in flight, so many dry runs at once still cost one child): it is the lock's key and what a task's
 * record is matched by (plugin/endpoint.ts), and a name moved to another plugin a moment ago (a `.sock` symlink
 * retargeted, a spec rewritten) would be taken for the old one — two locks on one volume, a task's use missed
 * (agent-bridge/test/e2e/retargetedPlugin.test.ts). "Not found" and a broken spec are never remembered either: a plugin
 * started or a spec fixed a moment later must be seen.
 */
export const DISCOVERY_CACHE_MS = 2_000;
const cache = new Map<string, { until: number; answer: Discovery }>();
const inFlight = new Map<string, Promise<Discovery>>();

/**
 * Every name of `drivers` looked up at once, as dvdcli would find it, in one child process (discoveryChild.ts) for
 * those not being looked up already (or whose dirs did not answer a moment ago): a check that must tell several drivers apart
 * (inuse/driverMatch.ts) costs at most one child, and a name leading into a hung mount costs its timeout, never a
 * thread of the bridge.
 */
export async function discoverPlugins(drivers: readonly string[], dirs: readonly string[], timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<Map<string, Discovery>> {
  const out = new Map<string, Discovery>();
  const keyOf = (d: string) => `${dirs.join('\0')}\0\0${d}`;
  const waits: Promise<unknown>[] = [];
  const ask: string[] = [];
  for (const d of new Set(drivers)) {
    // A NUL cannot be in a path, and no process takes it as an argument: such a name is found nowhere, as fs would say.
    if (d.includes('\0') || dirs.length === 0 || !fitsAFileName(d)) out.set(d, { kind: 'none' });
    else if ((cache.get(keyOf(d))?.until ?? 0) > Date.now()) out.set(d, cache.get(keyOf(d))!.answer);
    else if (inFlight.has(keyOf(d))) waits.push(inFlight.get(keyOf(d))!.then((a) => out.set(d, a)));
    else ask.push(d);
  }
  if (ask.length > 0) {
    // Never rejects: a look in flight that rejected would be shared by every later look of its names, for good.
    const batch = lookNames(ask, dirs, timeoutMs).catch((e: Error) => new Map<string, Discovery>(ask.map((d) => [d, { kind: 'unanswered', why: notAnswering(dirs, `failed (${e.message})`, false) }])));
    for (const d of ask) {
      const one = batch.then((m) => m.get(d)!);
      inFlight.set(keyOf(d), one);
      waits.push(
        one.then((a) => {
          inFlight.delete(keyOf(d));
          if (a.kind === 'unanswered') {
            if (cache.size > 1000) cache.clear(); // bounded: driver names are few
            cache.set(keyOf(d), { until: Date.now() + DISCOVERY_CACHE_MS, answer: a });
          }
          out.set(d, a);
        }),
      );
    }
  }
  await Promise.all(waits);
  return out;
}

/**
 * Whether every candidate of `driver` can be a file: a path component over NAME_MAX (255 bytes on Linux) cannot,
 * and stat says ENAMETOOLONG, so dvdcli finds nothing there. Such a name (a task's record may hold any string) is not
 * given to the child: past 128 KiB no process can take it as an argument (execve(2) E2BIG).
 */
function fitsAFileName(driver: string): boolean {
  const parts = driver.split('/');
  return parts.every((p, i) => Buffer.byteLength(p) + (i === parts.length - 1 ? '.sock'.length : 0) <= 255);
}

/** The names in one child: what each one's first hit says, `none` when the child finished it without one. */
async function lookNames(names: readonly string[], dirs: readonly string[], timeoutMs: number): Promise<Map<string, Discovery>> {
  const out = new Map<string, Discovery>();
  const lists = names.map((d) => candidatesOf(d, dirs));
  const flat = lists.flat();
  const r = await lookCandidates(lists, timeoutMs);
  names.forEach((d, i) => {
    const hit = r.hits.get(i);
    if (hit) out.set(d, addressOf(flat[hit.candidate]!, hit.payload));
    else if (r.done.has(i)) out.set(d, { kind: 'none' });
    else out.set(d, { kind: 'unanswered', why: notAnswering(dirs, r.unfinished?.why ?? 'gave no answer', r.unfinished?.timedOut ?? false) });
  });
  return out;
}

/**
 * One driver: its address, or undefined when the agent's dvdcli would report "plugin not found". Throws when the
 * first spec file found is unusable, or when the plugin dirs do not answer in time (an explicit error: neither
 * "found" nor "not found" can be said then).
 */
export async function discoverPlugin(driver: string, dirs: readonly string[], timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<PluginAddress | undefined> {
  const d = (await discoverPlugins([driver], dirs, timeoutMs)).get(driver)!;
  if (d.kind === 'found') return d.addr;
  if (d.kind === 'none') return undefined;
  throw new Error(d.why);
}

/**
 * Every driver name discoverable in `dirs` (entries `<x>.sock|.spec|.json`, dirs `<x>` holding `<x>/<x>.sock`), first
 * occurrence wins, each dir's entries in sorted order; listed in a killable child too. `unanswered` says which dirs
 * could not be listed (in time): their names are missing from the list.
 */
export async function listPluginNames(dirs: readonly string[], timeoutMs = DISCOVERY_TIMEOUT_MS): Promise<{ names: string[]; unanswered?: string }> {
  const names = new Set<string>();
  if (dirs.length === 0) return { names: [] };
  const r = await listPluginEntries(dirs, timeoutMs);
  dirs.forEach((_, i) => {
    for (const e of (r.entries.get(i) ?? []).sort()) names.add(/^(.+)\.(sock|spec|json)$/s.exec(e)?.[1] ?? e);
  });
  const missing = dirs.filter((_, i) => !r.done.has(i));
  if (missing.length === 0) return { names: [...names] };
  return { names: [...names], unanswered: notAnswering(missing, r.unfinished?.why ?? 'gave no answer', r.unfinished?.timedOut ?? false) };
}
