/**
 * Journal entries written before `serve` made its paths absolute (commit c02a273) name the embedded local driver's
 * socket and mountpoint relative to the directory that bridge ran in: `st/plugins/local.sock` and
 * `st/local-driver/mounts/keep` for `--state-dir st`. The entry does not record that directory, and a bridge
 * restarted from another one (a new unit file, an upgrade) must neither resolve such a path against its own working
 * directory (another plugin may answer there, and its Unmount would take down a mount this bridge never made) nor
 * drop the entry (its mount would stay for good).
 *
 * One case can be proven: an older bridge serving its embedded driver under a relative state dir X wrote its journal
 * to `X/journal/`, the one this entry lies in, and its driver's socket was `X/plugins/local.sock` (cli/runnerSetup.ts),
 * that is `<stateDir>/plugins/local.sock`, whatever directory it ran in. So an entry of driver `local` whose socket is
 * `X/plugins/local.sock` for an X that `stateDir` ends with is anchored there, and marked `anchoredFrom`: the suffix
 * alone proves nothing. An older bridge run as `--state-dir /srv/b/st --plugin-dirs st/plugins` from /srv/a wrote the
 * same address for /srv/a/st/plugins/local.sock, another bridge's driver, and recovery took the mount for this state
 * dir's, reported it not mounted and deleted its only record (agent-bridge/test/e2e/olderJournal.test.ts). Recovery
 * uses an anchored address only once the driver there lists the entry's caller ID, a UUID no other run sends
 * (recover.ts). Any other relative address is left as written, and recovery keeps the entry and says what to do.
 */
import { isAbsolute, join, normalize, sep } from 'node:path';

/**
 * The fields of a journal entry (journal.ts JournalEntry) read here; structural, so journal.ts, which anchors the
 * entries it reads, is not imported back (agent-bridge/test/imports.test.ts: no import circle).
 */
interface OlderEntryPaths {
  id: string;
  driver: string;
  name: string;
  pluginAddress?: string;
  mountpoint?: string;
  anchoredFrom?: string;
}

const EMBEDDED_SOCKET = join('plugins', 'local.sock');

/** A journalled plugin address that is a bare relative path: no scheme (`unix://`, `tcp://`), not absolute. */
export const isRelativeAddress = (address: string | undefined): boolean => address !== undefined && !isAbsolute(address) && !address.includes('://');

/**
 * The older bridge's relative state dir for an embedded-driver entry, when `stateDir` (absolute) is what it named;
 * undefined when the entry is not provably one.
 */
function olderStateDir(e: OlderEntryPaths, stateDir: string): string | undefined {
  if (e.driver !== 'local' || !isRelativeAddress(e.pluginAddress)) return undefined;
  const p = normalize(e.pluginAddress!);
  if (!p.endsWith(sep + EMBEDDED_SOCKET)) return undefined;
  const x = p.slice(0, -(sep.length + EMBEDDED_SOCKET.length));
  if (x === '' || x === '.' || x === '..' || x.startsWith('..' + sep)) return undefined; // names no dir below its own
  const s = normalize(stateDir).replace(/\/+$/, '');
  return s.endsWith(sep + x) ? x : undefined;
}

/**
 * The entry with its paths made absolute where that is provable (see above); otherwise as it is. A relative
 * mountpoint that cannot be anchored is dropped: recovery then takes the mountpoint from the plugin's Get, and a
 * relative path matches nothing in /proc/self/mountinfo anyway.
 */
export function anchorOlderEntry<E extends OlderEntryPaths>(e: E, stateDir: string): E {
  const relativeMountpoint = e.mountpoint !== undefined && !isAbsolute(e.mountpoint);
  if (!isRelativeAddress(e.pluginAddress) && !relativeMountpoint) return e;
  const x = olderStateDir(e, stateDir);
  const out: E = { ...e };
  if (x !== undefined) Object.assign(out, { pluginAddress: join(stateDir, EMBEDDED_SOCKET), anchoredFrom: e.pluginAddress });
  if (relativeMountpoint) {
    const m = normalize(e.mountpoint!);
    if (x !== undefined && m.startsWith(x + sep)) out.mountpoint = join(stateDir, m.slice(x.length + sep.length));
    else delete out.mountpoint;
  }
  return out;
}

/**
 * Why recovery leaves an entry whose plugin address stayed relative (isRelativeAddress), or was anchored to this state
 * dir's socket without proof (`notHere`: what that socket's driver said), and what the operator can do.
 */
export function relativeAddressProblem(e: OlderEntryPaths, journalDir: string, notHere?: string): string {
  const file = join(journalDir, `${e.id}.json`);
  const here = notHere ? `; the one socket it can be proven to be, this state dir's own ${e.pluginAddress}, ${notHere}, so it was not made there` : '';
  return (
    `journal entry ${file}, written by an older dvdi-bridge, names its plugin socket ${JSON.stringify(e.anchoredFrom ?? e.pluginAddress)} relative to the directory that bridge ran in, which the journal does not record${here}; ` +
    `recovery does not guess it (from another directory that path may reach another plugin, whose Unmount would take down a mount this bridge never made), so the entry and whatever it mounted stay: ` +
    `write the socket's absolute path as "pluginAddress" in ${file} and restart the bridge, or unmount ${e.driver}/${e.name} by hand and delete ${file}`
  );
}
