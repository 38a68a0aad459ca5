/**
 * Remembers which plugin instances answered Plugin.Activate, the way a Docker daemon activates a plugin once
 * and not before every call (dvdcli activates on every run only because each run is a new process). The key
 * is the address plus, for a unix socket, the socket file's identity (device, inode, change time): a restarted
 * plugin recreates its socket and is activated again. TCP plugins are re-activated after 30 s. Any
 * failed call to an address forgets it, so the next dry run starts with a fresh handshake.
 */
import { stat } from 'node:fs/promises';
import type { PluginAddress } from './discovery';

/** TCP plugins have no socket file whose identity would show a restart, so their activation expires. */
const TCP_TTL_MS = 30_000;

export class ActivationCache {
  private readonly known = new Map<string, { key: string; implementsList: string[]; at: number }>();

  private async identity(addr: PluginAddress): Promise<string | undefined> {
    if (addr.transport !== 'unix') return 'tcp';
    try {
      const st = await stat(addr.socketPath!);
      return `${st.dev}:${st.ino}:${st.ctimeMs}`;
    } catch {
      return undefined;
    }
  }

  /** The Implements list from an earlier Activate of this very plugin instance, if any. */
  async lookup(addr: PluginAddress): Promise<string[] | undefined> {
    const hit = this.known.get(addr.address);
    if (!hit) return undefined;
    const key = await this.identity(addr);
    const fresh = addr.transport === 'unix' ? key === hit.key : performance.now() - hit.at < TCP_TTL_MS;
    if (!fresh || key === undefined) {
      this.known.delete(addr.address);
      return undefined;
    }
    return hit.implementsList;
  }

  async remember(addr: PluginAddress, implementsList: string[]): Promise<void> {
    const key = await this.identity(addr);
    if (key !== undefined) this.known.set(addr.address, { key, implementsList, at: performance.now() });
  }

  forget(addr: PluginAddress): void {
    this.known.delete(addr.address);
  }
}
