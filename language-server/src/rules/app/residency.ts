/**
 * "Resident" apps are apps with persistent (local) volumes: Marathon reserves resources for them and
 * applies the resident rules (upgrade, unreachable, roles). External volumes do not make an app resident.
 */
import { isObject, type JsonObject } from '../../core/documentModel';
import { containerOf } from './containerizer';

export function hasPersistentVolumes(app: JsonObject): boolean {
  const volumes = containerOf(app)?.volumes;
  return Array.isArray(volumes) && volumes.some((v) => isObject(v) && isObject(v.persistent));
}
