/**
 * One operation per (plugin, volume name) at a time inside this bridge. A second request for a volume that is
 * already being dry-run does not wait: it gets `in-use` at once. Waiting would queue mounts behind a hung
 * plugin (each up to the 120 s mount timeout), and the answer a waiter would get is already known — the volume
 * is busy right now.
 *
 * The plugin is its resolved endpoint (plugin/endpoint.ts), not the driver name a request or a journal entry
 * gives: several names can lead to one plugin (a spec file naming another plugin's socket, a symlinked socket),
 * and two runs of one volume through two of them would otherwise both mount it. An identity is a set of keys (a TCP
 * plugin named by a host name: the name itself and every address it resolves to now, so that a DNS answer that
 * changes between two runs still leaves them the name in common): the volume is held under each, so any run whose
 * identity shares one of them finds it held. The name part is case-insensitive because mesos-module-dvdi treats
 * names that way.
 *
 * All of a run's keys are taken in one synchronous step, or none: every key is checked before any is set, and nothing
 * else runs in between (one event loop). So there is no order to get wrong and no deadlock — a run never holds some
 * keys while it waits for others, it is refused at once. The lock lives in memory only: a bridge killed at any
 * instant holds nothing afterwards, and what it had mounted is found by its journal (recover.ts, leftovers.ts).
 */
export class VolumeLocks {
  private readonly held = new Map<string, string>();

  private key(plugin: string, name: string): string {
    return `${plugin}\0${name.toLowerCase()}`;
  }

  /** `plugin`: the endpoint keys (pluginIdentity). Returns release and relabel, or the label of the operation holding the volume. */
  tryAcquire(plugin: string | readonly string[], name: string, label: string): { release: () => void; relabel: (label: string) => void } | { heldBy: string } {
    const ks = [...new Set(typeof plugin === 'string' ? [plugin] : plugin)].map((p) => this.key(p, name));
    for (const k of ks) {
      const cur = this.held.get(k);
      if (cur !== undefined) return { heldBy: cur };
    }
    for (const k of ks) this.held.set(k, label);
    // relabel: a late-mount sweep keeps the lock after the dry run answered, and says so to whoever asks.
    return { release: () => ks.forEach((k) => this.held.delete(k)), relabel: (l: string) => ks.forEach((k) => this.held.set(k, l)) };
  }

  get size(): number {
    return this.held.size;
  }
}
