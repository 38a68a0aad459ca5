/**
 * One operation per (plugin, volume name) at a time inside this bridge. A second request for a volume that is
 * already being dry-run does not wait: it gets `in-use` at once. Waiting would queue mounts behind a hung
 * plugin (each up to the 120 s mount timeout), and the answer a waiter would get is already known — the volume
 * is busy right now.
 *
 * The plugin is its resolved endpoint (plugin/endpoint.ts), not the driver name a request or a journal entry
 * gives: several names can lead to one plugin (a spec file naming another plugin's socket, a symlinked socket),
 * and two runs of one volume through two of them would otherwise both mount it. The name part is
 * case-insensitive because mesos-module-dvdi treats names that way.
 */
export class VolumeLocks {
  private readonly held = new Map<string, string>();

  private key(plugin: string, name: string): string {
    return `${plugin}\0${name.toLowerCase()}`;
  }

  /** `plugin`: the endpoint key (pluginIdentity). Returns release and relabel, or the label of the operation holding the volume. */
  tryAcquire(plugin: string, name: string, label: string): { release: () => void; relabel: (label: string) => void } | { heldBy: string } {
    const k = this.key(plugin, name);
    const cur = this.held.get(k);
    if (cur !== undefined) return { heldBy: cur };
    this.held.set(k, label);
    // relabel: a late-mount sweep keeps the lock after the dry run answered, and says so to whoever asks.
    return { release: () => this.held.delete(k), relabel: (l: string) => void this.held.set(k, l) };
  }

  get size(): number {
    return this.held.size;
  }
}
