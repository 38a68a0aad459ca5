/**
 * The app (or pod) object that holds a volume, found by the volume's pointer: what Test mount places on the cluster.
 * Without VS Code (clusterView.ts and its tests use it).
 */
import { fromPointer, parseTree, valueOf, type JsonPath } from '@marathon-devtools/language-server/features/jsonTree';
import { joinPointer, resolveId } from '@marathon-devtools/language-server/model/documentModel';
import { groupBodyChain, type AppSource } from '@marathon-devtools/cluster/placement/marathonRole';
import { detectKind } from '@marathon-devtools/language-server/core/kind';

export interface VolumeOwner {
  spec: Record<string, unknown>;
  /** The id as written (a Chronos job's name), or '(no id)'. */
  id: string;
  /** A Chronos job, which Chronos places, not Marathon (the one answer on the kind: core/kind.ts). */
  chronos: boolean;
  /** Its absolute id and, in a group document, the groups listing it (which role Marathon gives it: marathonRole.ts). */
  source: AppSource;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The value at `path`: a number only indexes an array, a name only an object (as jsonc-parser's findNodeAtLocation). A
 * name written twice is its last value, as Marathon reads it and the server drew the lens (findNodeAtLocation took the first).
 */
function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const segment of path) {
    if (typeof segment === 'number') {
      if (!Array.isArray(v) || segment >= v.length) return undefined;
      v = v[segment];
    } else {
      if (!isRecord(v) || !Object.hasOwn(v, segment)) return undefined;
      v = v[segment];
    }
  }
  return v;
}

/**
 * The text's root value and the value at a path. JSON.parse for the usual, strict JSON: 4 ms where jsonc-parser's tree
 * took 95 ms and held 26 MiB for a 1.6 MiB group of 300 volumes. Only a text being typed (not JSON yet) takes the
 * server's own tolerant tree (features/jsonTree.ts), whose value is the one the server drew the lenses on: a missing
 * closer placed where the layout says, and no recursion to overflow. Both are walked by value, so a name written twice
 * is its last value in either.
 */
function parsed(text: string): { root: unknown; at: (path: JsonPath) => unknown } {
  let root: unknown;
  try {
    root = JSON.parse(text);
  } catch {
    root = valueOf(parseTree(text));
  }
  return { root, at: (path) => valueAt(root, path) };
}

/**
 * The owner of each volume of `text`, by the volume's pointer: the text parsed once for all of them (the lenses' request
 * asks for every volume of one text; a parse per lens took seconds for a group of hundreds of apps). A volume's owner is
 * the object before its `container` or `env`; undefined when the pointer is in none.
 */
export function volumeOwners(text: string): (pointer: string) => VolumeOwner | undefined {
  let doc: ReturnType<typeof parsed> | undefined;
  return (pointer) => {
    const path = fromPointer(pointer);
    let cut = -1;
    for (let i = path.length - 1; i >= 0; i--) if (path[i] === 'container' || path[i] === 'env') { cut = i; break; }
    if (cut < 0) return undefined;
    doc ??= parsed(text);
    const found = doc.at(path.slice(0, cut));
    if (!isRecord(found)) return undefined;
    // Each caller gets its own spec, so that none changes another's. Shallow: the placement only reads it
    // (cluster/src/placement is pure), and structuredClone overflowed the stack on a value nested thousands deep.
    const spec = { ...found };
    const root = doc.root;
    if (detectKind(root) === 'chronos-job') return { spec, id: typeof spec.name === 'string' ? spec.name : '(no name)', chronos: true, source: {} };
    const chain = groupBodyChain(root, joinPointer('', ...path.slice(0, cut)));
    const base = chain.length > 0 ? chain[chain.length - 1].id : '/';
    const absoluteId = typeof spec.id === 'string' ? resolveId(spec.id, base) : undefined;
    return { spec, id: typeof spec.id === 'string' ? spec.id : '(no id)', chronos: false, source: { absoluteId, chain } };
  };
}
