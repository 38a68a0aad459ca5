/**
 * The filesystem half of plugin discovery (discovery.ts), done in one killable child per batch (killableChild.ts)
 * instead of node's fs on libuv's pool: a plugin dir on a hung mount, or a `<d>.sock` / `<d>.spec` symlink leading
 * into one, blocks whoever looks (dvdi-bridge.md §3.2 says what is looked at and in which order). The child is
 * POSIX sh with coreutils (`head`, `realpath`); `test -S` follows symlinks as Go's os.Stat does for dvdcli.
 *
 * The child writes NUL-framed records as it goes, so the names it finished before a path that does not answer keep
 * their answers when it is killed: `F <candidate> <payload>` for the first hit of a name (a socket's realpath, or a
 * spec file's text), then `D <name>` once a name is settled, hit or not. A name without its `D` did not finish.
 */
import { howItEnded, runKillable } from './killableChild';

export interface DiscoveryCandidate {
  /** `sock`: must be a socket; `spec` / `json`: the first one that can be read wins. */
  kind: 'sock' | 'spec' | 'json';
  path: string;
}

/** Largest spec file read; a `.spec` holds one URL, a `.json` a few fields (dvdi-bridge.md §3.2). */
const MAX_SPEC_BYTES = 64 * 1024;

// Arguments come in pairs: `N <i>` starts name i, `S|P <path>` is its next candidate (global index n, counted from 0).
// `c=$(head …; echo "/$?")` keeps head's exit status after the text, so a read that fails is never taken for a file.
const LOOK_SCRIPT = `
n=0; i=; hit=
while [ $# -ge 2 ]; do
  k=$1; v=$2; shift 2
  if [ "$k" = N ]; then
    [ -n "$i" ] && printf 'D\\0%s\\0' "$i"
    i=$v; hit=; continue
  fi
  c=$n; n=$((n+1))
  [ -n "$hit" ] && continue
  if [ "$k" = S ]; then
    if [ -S "$v" ]; then hit=1; printf 'F\\0%s\\0' "$c"; realpath -e -z -- "$v" 2>/dev/null || printf '\\0'; fi
  else
    t=$(head -c ${MAX_SPEC_BYTES} -- "$v" 2>/dev/null; echo "/$?")
    if [ "\${t##*/}" = 0 ]; then hit=1; printf 'F\\0%s\\0%s\\0' "$c" "\${t%/*}"; fi
  fi
done
[ -n "$i" ] && printf 'D\\0%s\\0' "$i"
exit 0
`;

// One dir per argument: `R <i>` starts it, `E <entry>` for each entry that names a plugin (`<x>.sock|.spec|.json`, or a
// dir `<x>` holding a socket `<x>/<x>.sock`), `Z` when the dir is done. An unreadable dir lists nothing.
const LIST_SCRIPT = `
i=0
for d; do
  printf 'R\\0%s\\0' "$i"
  for e in "$d"/* "$d"/.[!.]* "$d"/..?*; do
    [ -e "$e" ] || [ -L "$e" ] || continue
    b=\${e##*/}
    case $b in
      ?*.sock|?*.spec|?*.json) printf 'E\\0%s\\0' "$b" ;;
      *) if [ -S "$e/$b.sock" ]; then printf 'E\\0%s\\0' "$b"; fi ;;
    esac
  done
  printf 'Z\\0'
  i=$((i+1))
done
exit 0
`;

export interface CandidateLook {
  /** Per name (its index in the batch): the candidate that hit (global index) and what the child read there. */
  hits: Map<number, { candidate: number; payload: string }>;
  /** Names the child finished. */
  done: Set<number>;
  /** Why the names not in `done` have no answer. */
  unfinished?: { timedOut: boolean; why: string };
}

/** Tokens of a NUL-framed output; the piece after the last NUL (a record the kill cut short) is dropped. */
function tokens(out: Buffer): string[] {
  const t = out.toString('utf8').split('\0');
  t.pop();
  return t;
}

/** Looks at each name's candidates in order and stops at its first hit; `names[i]` is name i's list. */
export async function lookCandidates(names: readonly (readonly DiscoveryCandidate[])[], timeoutMs: number): Promise<CandidateLook> {
  const args: string[] = [];
  const owner: number[] = [];
  names.forEach((cands, i) => {
    args.push('N', String(i));
    for (const c of cands) {
      args.push(c.kind === 'sock' ? 'S' : 'P', c.path);
      owner.push(i);
    }
  });
  const r = await runKillable(['/bin/sh', '-c', LOOK_SCRIPT, 'dvdi-discover', ...args], timeoutMs);
  const result: CandidateLook = { hits: new Map(), done: new Set() };
  if (r.kind === 'failed') return { ...result, unfinished: { timedOut: false, why: r.why } };
  const t = tokens(r.stdout);
  for (let k = 0; k < t.length; ) {
    if (t[k] === 'F' && k + 2 < t.length) {
      const candidate = Number(t[k + 1]);
      result.hits.set(owner[candidate]!, { candidate, payload: t[k + 2]! });
      k += 3;
    } else if (t[k] === 'D' && k + 1 < t.length) {
      result.done.add(Number(t[k + 1]));
      k += 2;
    } else break; // cut short
  }
  if (r.kind === 'timedOut') result.unfinished = { timedOut: true, why: `did not finish within ${timeoutMs} ms` };
  else if (r.code !== 0) result.unfinished = { timedOut: false, why: `the look ${howItEnded(r)}${r.stderr ? ` (${r.stderr.trim().split('\n').slice(-1)[0]})` : ''}` };
  return result;
}

export interface PluginDirListing {
  /** Per dir (its index): the entries that name a plugin, in the order the child saw them. */
  entries: Map<number, string[]>;
  /** Dirs the child finished. */
  done: Set<number>;
  unfinished?: { timedOut: boolean; why: string };
}

export async function listPluginEntries(dirs: readonly string[], timeoutMs: number): Promise<PluginDirListing> {
  const r = await runKillable(['/bin/sh', '-c', LIST_SCRIPT, 'dvdi-list', ...dirs], timeoutMs);
  const result: PluginDirListing = { entries: new Map(), done: new Set() };
  if (r.kind === 'failed') return { ...result, unfinished: { timedOut: false, why: r.why } };
  let dir = -1;
  const t = tokens(r.stdout);
  for (let k = 0; k < t.length; ) {
    if (t[k] === 'R' && k + 1 < t.length) {
      dir = Number(t[k + 1]);
      result.entries.set(dir, []);
      k += 2;
    } else if (t[k] === 'E' && k + 1 < t.length && dir >= 0) {
      result.entries.get(dir)!.push(t[k + 1]!);
      k += 2;
    } else if (t[k] === 'Z') {
      result.done.add(dir);
      k += 1;
    } else break;
  }
  if (r.kind === 'timedOut') result.unfinished = { timedOut: true, why: `did not finish within ${timeoutMs} ms` };
  else if (r.code !== 0) result.unfinished = { timedOut: false, why: `the listing ${howItEnded(r)}` };
  return result;
}
