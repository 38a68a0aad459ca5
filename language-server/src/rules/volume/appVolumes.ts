/**
 * The volumes of an app (`container.volumes[]`), classified the way Marathon's RAML union reads them:
 * `AppPersistentVolume | AppExternalVolume | AppSecretVolume | AppHostVolume`, first match wins, so a
 * volume carrying both `persistent` and `external` is a persistent volume.
 */
import { isObject, joinPointer, type AppRef, type JsonObject } from '../../core/documentModel';
import type { RuleContext } from '../rule';

export type VolumeKind = 'persistent' | 'external' | 'secret' | 'host';
export type Containerizer = 'MESOS' | 'DOCKER';

export interface VolumeRef {
  appRef: AppRef;
  /** Index in `container.volumes`. */
  index: number;
  /** Pointer of the volume object. */
  pointer: string;
  volume: JsonObject;
  kind: VolumeKind;
}

export function volumeKind(volume: JsonObject): VolumeKind {
  if (isObject(volume.persistent)) return 'persistent';
  if (isObject(volume.external)) return 'external';
  if (volume.secret !== undefined) return 'secret';
  return 'host';
}

/**
 * `container.type`, upper-cased (1.5+ reads enums case-insensitively; a wrong case before 1.5 is the
 * `enum-case` rule's business). A container without `type` is DOCKER: Marathon's default.
 */
export function containerizerOf(app: JsonObject): Containerizer | undefined {
  if (!isObject(app.container)) return undefined;
  const t = app.container.type;
  if (t === undefined) return 'DOCKER';
  if (typeof t !== 'string') return undefined;
  const upper = t.toUpperCase();
  return upper === 'MESOS' || upper === 'DOCKER' ? upper : undefined;
}

export function volumesOf(appRef: AppRef): VolumeRef[] {
  const container = appRef.app.container;
  if (!isObject(container) || !Array.isArray(container.volumes)) return [];
  const out: VolumeRef[] = [];
  container.volumes.forEach((volume, index) => {
    if (!isObject(volume)) return;
    const pointer = joinPointer(appRef.pointer, 'container', 'volumes', index);
    out.push({ appRef, index, pointer, volume, kind: volumeKind(volume) });
  });
  return out;
}

/**
 * Every volume in every app, computed once per document: about forty rules ask, and the runner hands
 * them all the same `apps` array, so it keys the cache.
 */
const allVolumes = new WeakMap<readonly AppRef[], VolumeRef[]>();

/** Every volume of the given kind in every app of the document. */
export function volumesOfKind(ctx: RuleContext, kind: VolumeKind): VolumeRef[] {
  let all = allVolumes.get(ctx.apps);
  if (!all) {
    all = ctx.apps.flatMap(volumesOf);
    allVolumes.set(ctx.apps, all);
  }
  return all.filter((v) => v.kind === kind);
}

export function hasPersistentVolumes(appRef: AppRef): boolean {
  return volumesOf(appRef).some((v) => v.kind === 'persistent');
}
