/**
 * Paths of root-group violations (marathon-api.md §13): DVDI volume-name conflicts render as
 * `/apps(i)/externalVolumes(k)` or `/groups(i)/apps(j)/externalVolumes(k)`, indexes into the new root group's
 * stored collections. Marathon iterates those in hash order, so no client can rely on i and j; the gate
 * counts them in id order, which is at least stable.
 */
import { parentId } from './deployedState';

export interface RootTree {
  groups: Iterable<string>;
  apps: Iterable<string>;
}

export function rootGroupVolumePath(appId: string, volumeIndex: number, tree: RootTree): string {
  // Each group's sub-groups, found in one pass: an app n groups deep must not cost n passes over the groups.
  const children = new Map<string, Set<string>>();
  for (const g of tree.groups) {
    if (g === '/') continue;
    const parent = parentId(g);
    let set = children.get(parent);
    if (!set) children.set(parent, (set = new Set()));
    set.add(g);
  }
  const chain: string[] = [];
  for (let g = parentId(appId); g !== '/'; g = parentId(g)) chain.push(g);
  let out = '';
  for (const g of chain.reverse()) {
    const siblings = [...(children.get(parentId(g)) ?? [])].sort();
    out += `/groups(${Math.max(0, siblings.indexOf(g))})`;
  }
  const apps = [...new Set(tree.apps)].filter((a) => parentId(a) === parentId(appId)).sort();
  return `${out}/apps(${Math.max(0, apps.indexOf(appId))})/externalVolumes(${volumeIndex})`;
}

/** `…/container/volumes/N/…` → k, the position of volume N among the app's external volumes. */
export function externalVolumeIndex(app: unknown, volumePointerIndex: number): number {
  const volumes = (app as { container?: { volumes?: unknown } })?.container?.volumes;
  if (!Array.isArray(volumes)) return volumePointerIndex;
  let k = 0;
  for (let i = 0; i < volumePointerIndex && i < volumes.length; i++) {
    const v = volumes[i] as { external?: unknown } | null;
    if (typeof v === 'object' && v !== null && typeof v.external === 'object' && v.external !== null) k++;
  }
  return k;
}
