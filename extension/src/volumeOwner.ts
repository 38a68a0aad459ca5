/**
 * The app (or pod) object that holds a volume, found by the volume's pointer: what Test mount places on the cluster.
 * Without VS Code (clusterView.ts and its tests use it).
 */
import { parseTree, findNodeAtLocation, getNodeValue } from 'jsonc-parser';
import { fromPointer } from '@marathon-devtools/language-server/features/jsonTree';
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

/**
 * The last text parsed, with its value: the lenses' request asks for every volume of one text in turn, and a parse per
 * lens took seconds for a group of hundreds of apps (16 ms each at 540 KiB). Read only: each caller gets its own `spec`.
 */
let last: { text: string; tree: ReturnType<typeof parseTree>; root: unknown } | undefined;
function parsed(text: string): { tree: ReturnType<typeof parseTree>; root: unknown } {
  if (last?.text !== text) {
    const tree = parseTree(text);
    last = { text, tree, root: tree && getNodeValue(tree) };
  }
  return last;
}

/** The object before the volume's `container` or `env`; undefined when the pointer is in none. */
export function volumeOwner(text: string, pointer: string): VolumeOwner | undefined {
  const path = fromPointer(pointer);
  let cut = -1;
  for (let i = path.length - 1; i >= 0; i--) if (path[i] === 'container' || path[i] === 'env') { cut = i; break; }
  if (cut < 0) return undefined;
  const { tree, root } = parsed(text);
  const node = tree && findNodeAtLocation(tree, path.slice(0, cut));
  const spec = node && getNodeValue(node);
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return undefined;
  if (detectKind(root) === 'chronos-job') return { spec, id: typeof spec.name === 'string' ? spec.name : '(no name)', chronos: true, source: {} };
  const chain = groupBodyChain(root, joinPointer('', ...path.slice(0, cut)));
  const base = chain.length > 0 ? chain[chain.length - 1].id : '/';
  const absoluteId = typeof spec.id === 'string' ? resolveId(spec.id, base) : undefined;
  return { spec, id: typeof spec.id === 'string' ? spec.id : '(no id)', chronos: false, source: { absoluteId, chain } };
}
