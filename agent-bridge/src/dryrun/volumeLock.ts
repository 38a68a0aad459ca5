/**
 * One operation per (driver, name) at a time inside this bridge. A second request for a volume that is
 * already being dry-run does not wait: it gets `in-use` at once. Waiting would queue mounts behind a hung
 * plugin (each up to the 120 s mount timeout), and the answer a waiter would get is already known — the volume
 * is busy right now. The key is case-insensitive because mesos-module-dvdi treats names that way.
 */
export class VolumeLocks {
  private readonly held = new Map<string, string>();

  private key(driver: string, name: string): string {
    return `${driver.toLowerCase()}\0${name.toLowerCase()}`;
  }

  /** Returns a release function, or undefined when another operation holds the volume (its label is given). */
  tryAcquire(driver: string, name: string, label: string): { release: () => void; relabel: (label: string) => void } | { heldBy: string } {
    const k = this.key(driver, name);
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
