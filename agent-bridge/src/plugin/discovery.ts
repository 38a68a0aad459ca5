/**
 * Locates a Docker volume plugin exactly as dvdcli does (vendored docker/pkg/plugins discovery, Docker 1.11):
 * sockets first (`<dir>/<d>.sock`, `<dir>/<d>/<d>.sock`), then spec files in the remaining dirs
 * (`<d>.spec`, `<d>/<d>.spec`, `<d>.json`, `<d>/<d>.json`). The first hit wins. Real dvdcli uses
 * `/run/docker/plugins` for sockets and `/etc/docker/plugins`, `/usr/lib/docker/plugins` for specs; the
 * bridge takes the list from its config so the same order applies to any layout.
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface PluginAddress {
  /** `unix` (socketPath set) or `tcp` (baseUrl set). */
  transport: 'unix' | 'tcp';
  socketPath?: string;
  baseUrl?: string;
  /** What the agent would see: the socket path or the URL from the spec/json file. */
  address: string;
  /** File the address came from. */
  source: string;
}

async function isSocket(p: string): Promise<boolean> {
  try {
    return (await stat(p)).isSocket(); // stat follows symlinks, as Go's os.Stat does
  } catch {
    return false;
  }
}

async function readText(p: string): Promise<string | undefined> {
  try {
    return await readFile(p, 'utf8');
  } catch {
    return undefined;
  }
}

/** Parses a `.spec` URL or `.json` Addr into an address; dvdcli requires a scheme. */
export function parseAddress(url: string, source: string): PluginAddress {
  const u = url.trim();
  if (u.startsWith('unix://')) return { transport: 'unix', socketPath: u.slice('unix://'.length), address: u, source };
  if (u.startsWith('tcp://')) return { transport: 'tcp', baseUrl: 'http://' + u.slice('tcp://'.length), address: u, source };
  if (u.startsWith('http://')) return { transport: 'tcp', baseUrl: u, address: u, source };
  throw new Error(`plugin spec ${source} holds "${u}", which has no unix:// or tcp:// scheme; dvdcli would reject it too — fix the spec file`);
}

/**
 * The first of `dirs` is searched for sockets (dvdcli's socketsPath); every dir is then searched for spec
 * files in order (dvdcli's specsPaths; a spec in the sockets dir is harmless to find). Returns undefined when the agent's dvdcli would report "plugin not found".
 */
export async function discoverPlugin(driver: string, dirs: string[]): Promise<PluginAddress | undefined> {
  // dvdcli looks for sockets only in its sockets dir (the first one), then for spec files everywhere.
  for (const dir of dirs.slice(0, 1)) {
    for (const p of [join(dir, `${driver}.sock`), join(dir, driver, `${driver}.sock`)]) {
      if (await isSocket(p)) return { transport: 'unix', socketPath: p, address: p, source: p };
    }
  }
  for (const dir of dirs) {
    for (const p of [join(dir, `${driver}.spec`), join(dir, driver, `${driver}.spec`)]) {
      const text = await readText(p);
      if (text !== undefined) return parseAddress(text, p);
    }
    for (const p of [join(dir, `${driver}.json`), join(dir, driver, `${driver}.json`)]) {
      const text = await readText(p);
      if (text === undefined) continue;
      let addr: unknown;
      try {
        addr = (JSON.parse(text) as { Addr?: unknown }).Addr;
      } catch (e) {
        throw new Error(`plugin spec ${p} is not valid JSON (${(e as Error).message}); dvdcli would fail the same way — fix the file`);
      }
      if (typeof addr !== 'string') throw new Error(`plugin spec ${p} has no string "Addr"; add {"Addr":"unix:///path.sock"}`);
      return parseAddress(addr, p);
    }
  }
  return undefined;
}

/** Every driver name discoverable in `dirs` (sockets and spec files), first occurrence wins. */
export async function listPluginNames(dirs: string[]): Promise<string[]> {
  const names = new Set<string>();
  for (const dir of dirs) {
    let entries: string[];
    try {
      entries = await readdir(dir);
    } catch {
      continue;
    }
    for (const e of entries.sort()) {
      const m = /^(.+)\.(sock|spec|json)$/.exec(e);
      if (m) names.add(m[1]);
      else if (await isSocket(join(dir, e, `${e}.sock`))) names.add(e);
    }
  }
  return [...names];
}
