/** The parts of a pod document the pod rules look at, with their pointers; odd shapes are skipped. */
import { isObject, joinPointer, type JsonObject } from '../documentModel';

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

/** Pods without `networks` use host networking; a `networks` entry without `mode` is a container network. */
export function podNetworkMode(pod: JsonObject): 'host' | 'container' | 'bridge' {
  const first = Array.isArray(pod.networks) ? pod.networks.find(isObject) : undefined;
  if (!first) return 'host';
  const mode = typeof first.mode === 'string' ? first.mode.toLowerCase() : 'container';
  return mode === 'host' ? 'host' : mode === 'container/bridge' ? 'bridge' : 'container';
}

export function hasPersistentPodVolume(pod: JsonObject): boolean {
  return podVolumes(pod).some((v) => isObject(v.value.persistent));
}
