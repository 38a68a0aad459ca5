/** The parts of a pod document the pod rules look at, with their pointers; odd shapes are skipped. */
import type { RuleContext } from '../../core/rule';
import type { DocumentKind } from '../../core/types';
import { isObject, joinPointer, resolveId, type JsonObject } from '../documentModel';
import { networksIn, type NetworkRef } from '../app/networking';
import { groupsOf } from '../group/groupWalk';

export interface Part {
  pointer: string;
  value: JsonObject;
}

function partsOf(list: unknown, pointer: string): Part[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((value, i) => (isObject(value) ? [{ pointer: joinPointer(pointer, i), value }] : []));
}

export const podContainers = (pod: JsonObject): Part[] => partsOf(pod.containers, '/containers');
export const podVolumes = (pod: JsonObject): Part[] => partsOf(pod.volumes, '/volumes');
export const containerEndpoints = (c: Part): Part[] => partsOf(c.value.endpoints, joinPointer(c.pointer, 'endpoints'));
export const containerVolumeMounts = (c: Part): Part[] => partsOf(c.value.volumeMounts, joinPointer(c.pointer, 'volumeMounts'));

/** The pod of a pod document; undefined for any other kind of document, or a pod that is not an object. */
export function podOf(ctx: { readonly kind: DocumentKind; readonly root: unknown }): JsonObject | undefined {
  return ctx.kind === 'pod' && isObject(ctx.root) ? ctx.root : undefined;
}

/**
 * The pod's `networks` as the app network rules read an app's: PodsValidation (1.5+) runs NetworkValidation's
 * `ramlNetworksValidator` and `defaultNetworkNameValidator` on them, on the pod as posted (before PodNormalization).
 */
export const podNetworks = (pod: JsonObject): NetworkRef[] => networksIn(pod, '');

/**
 * The network modes a pod declares, lower-cased; a `networks` entry without `mode` is a container network (the RAML
 * default). A pod without `networks` declares none: Marathon keeps its networks empty (PodNormalization.DefaultNetworks),
 * so neither the host-mode nor the container-mode endpoint check applies to it.
 */
export function podNetworkModes(pod: JsonObject): Set<string> {
  const modes = new Set<string>();
  if (!Array.isArray(pod.networks)) return modes;
  for (const n of pod.networks) {
    if (isObject(n)) modes.add(typeof n.mode === 'string' ? n.mode.toLowerCase() : 'container');
  }
  return modes;
}

export function hasPersistentPodVolume(pod: JsonObject): boolean {
  return podVolumes(pod).some((v) => isObject(v.value.persistent));
}

export interface PodRef extends Part {
  /** The pod's absolute id; undefined when it has none. */
  id: string | undefined;
}

/**
 * The pods Marathon validates for this document: a pod document's own pod; in a group only during a root-group run
 * (rootGroup/check.ts, where `sourceOf` is given) the pods placed there from pod documents. A group body's `pods`
 * are never posted pods: GroupUpdate has no `pods` field (group.raml, 1.4 to 1.10), so Marathon ignores them; a
 * pod came from a pod document when its group was not declared by the same document.
 */
export function podsOf(ctx: Pick<RuleContext, 'kind' | 'root' | 'sourceOf'>): PodRef[] {
  const pod = podOf(ctx);
  if (pod) return [{ pointer: '', value: pod, id: typeof pod.id === 'string' ? resolveId(pod.id, '/') : undefined }];
  const sourceOf = ctx.sourceOf;
  if (ctx.kind !== 'group' || !isObject(ctx.root) || !sourceOf) return [];
  const out: PodRef[] = [];
  const walk = (group: JsonObject, pointer: string, base: string) => {
    const gid = typeof group.id === 'string' ? resolveId(group.id, base) : base;
    const groupSource = sourceOf(pointer);
    for (const p of partsOf(group.pods, joinPointer(pointer, 'pods'))) {
      const source = sourceOf(p.pointer);
      if (source === 'cluster') continue;
      if (groupSource !== 'cluster' && groupSource.document === source.document && !groupSource.implied) continue;
      out.push({ ...p, id: typeof p.value.id === 'string' ? resolveId(p.value.id, gid) : undefined });
    }
    partsOf(group.groups, joinPointer(pointer, 'groups')).forEach((g) => walk(g.value, g.pointer, gid));
  };
  walk(ctx.root, '', '/');
  return out;
}

/**
 * The pods of the placed root group Marathon validates: the ones posted as pod documents (podsOf) and the deployed
 * ones. A group body's own `pods` are not among them: GroupUpdate has no such field (group.raml), Marathon ignores them.
 */
export function rootGroupPods(ctx: RuleContext): { pointer: string; id: string }[] {
  const sourceOf = ctx.sourceOf;
  if (!sourceOf) return [];
  const out = podsOf(ctx).flatMap((p) => (p.id === undefined ? [] : [{ pointer: p.pointer, id: p.id }]));
  for (const g of groupsOf(ctx)) {
    if (!Array.isArray(g.group.pods)) continue;
    g.group.pods.forEach((p, i) => {
      const pointer = joinPointer(g.pointer, 'pods', i);
      if (isObject(p) && typeof p.id === 'string' && sourceOf(pointer) === 'cluster') out.push({ pointer, id: resolveId(p.id, g.absoluteId) });
    });
  }
  return out;
}
