/** The parts of a pod document the pod rules look at, with their pointers; odd shapes are skipped. */
import type { DocumentKind } from '../../core/types';
import { isObject, joinPointer, type JsonObject } from '../documentModel';
import { networksIn, type NetworkRef } from '../app/networking';

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
