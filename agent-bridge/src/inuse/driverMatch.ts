/**
 * Whether a task's record of a volume (an isolator checkpoint entry, a Docker container's mount) names the plugin a
 * dry run is about, given the driver name the record holds. Names alone do not tell: one plugin can be reached by
 * several (a `.spec`/`.json` naming its socket, a symlinked `.sock`, a TCP host by name and by address), and a task
 * that reaches it through another name than the request's uses the same volume. Before the isolator mounts, its
 * checkpoint (or Docker's container list) is the only record of that use (dvdi-bridge.md §8.2), so the record's
 * driver name is resolved the way the lock key is (plugin/endpoint.ts: discovery, then the socket's realpath or the
 * host's addresses, in killable children off libuv's pool) and compared by identity, besides by name.
 *
 * A name that cannot be resolved now (its plugin is gone or restarting, its spec is broken, its host does not
 * resolve) counts as the requested plugin. The safe direction decides it: a false "in use" only skips a dry run,
 * while a false "free" lets the bridge mount and then unmount a volume a task is about to use or uses — and with
 * the ID-less protocol that unmount can tear it from the task. The same holds when the requested driver itself
 * cannot be resolved (recovery after its plugin went away).
 */
import { driverIdentities, samePlugin, type PluginIdentity } from '../plugin/endpoint';

/** `same`: the record may be of the requested plugin; `how` says why in words when it is not the name itself ('' then). */
export type DriverMatch = { same: false } | { same: true; how: string };

/** mesos-module-dvdi matches names case-insensitively and Mesos case-sensitively; the looser match is the safe one. */
export const sameName = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/** Every record's driver name of one check at once: what each says of the requested plugin. */
export type DriverMatcher = (others: readonly string[]) => Promise<Map<string, DriverMatch>>;

/**
 * A matcher for records against `driver`. `dirs`: where discovery looks (none given: no other name can be told
 * apart, so every other name counts). `keys`: the requested plugin's identity when the caller has it already (the
 * run's lock key), else it is resolved from `driver`, with the first names that need it. Each call resolves the names
 * it has not seen before in one discovery child (plugin/discovery.ts), so a check costs one child however many tasks'
 * records it reads, and a matcher kept across checks (a volume listing) resolves each name once.
 */
export function driverMatcher(driver: string, dirs: readonly string[] | undefined, keys?: readonly string[]): DriverMatcher {
  const known = new Map<string, Promise<PluginIdentity>>();
  let requested: Promise<PluginIdentity> | undefined = keys ? Promise.resolve({ keys: [...keys], shown: keys.join(', ') }) : undefined;
  return async (others) => {
    const fresh = [...new Set(others)].filter((o) => !sameName(o, driver) && !known.has(o));
    if (fresh.length > 0) {
      const ask = requested ? fresh : [...fresh, driver];
      const batch = dirs ? driverIdentities(ask, dirs) : Promise.resolve(new Map<string, PluginIdentity>(ask.map((a) => [a, { unresolved: 'no plugin dirs to look it up in' }])));
      for (const o of fresh) known.set(o, batch.then((m) => m.get(o)!));
      requested ??= batch.then((m) => m.get(driver)!);
    }
    const out = new Map<string, DriverMatch>();
    await Promise.all(
      [...new Set(others)].map(async (other) => {
        if (sameName(other, driver)) return out.set(other, { same: true, how: '' });
        const [mine, theirs] = await Promise.all([requested!, known.get(other)!]);
        if ('unresolved' in theirs) return out.set(other, { same: true, how: `through driver ${other}, whose plugin cannot be identified now (${theirs.unresolved}); it may be ${driver}'s, so it is counted as a use` });
        if ('unresolved' in mine) return out.set(other, { same: true, how: `through driver ${other}, and which plugin ${driver} is cannot be told now (${mine.unresolved}); it may be the same, so it is counted as a use` });
        return out.set(other, samePlugin(mine.keys, theirs.keys) ? { same: true, how: `through driver ${other}, which reaches the same plugin (${theirs.shown})` } : { same: false });
      }),
    );
    return out;
  };
}
