/**
 * The volumes of an app (`container.volumes[]`), classified the way Marathon's RAML union reads them:
 * `AppPersistentVolume | AppExternalVolume | AppSecretVolume | AppHostVolume`, first match wins, so a
 * volume carrying both `persistent` and `external` is a persistent volume.
 */
import { isObject, type AppRef, type JsonObject } from '../documentModel';
import { perApp, perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';

export type VolumeKind = 'persistent' | 'external' | 'secret' | 'host';

export interface VolumeRef {
  appRef: AppRef;
  /** Index in `container.volumes`. */
  index: number;
  /** Pointer of the volume object. */
  pointer: string;
  volume: JsonObject;
  kind: VolumeKind;
}

function volumeKind(volume: JsonObject): VolumeKind {
  if (isObject(volume.persistent)) return 'persistent';
  if (isObject(volume.external)) return 'external';
  if (volume.secret !== undefined) return 'secret';
  return 'host';
}

/** The app's volumes, classified once per run (the volume, dvdi and residency rules all ask). */
const volumesOf = perApp((appRef: AppRef): VolumeRef[] => {
  const container = appRef.app.container;
  if (!isObject(container) || !Array.isArray(container.volumes)) return [];
  const out: VolumeRef[] = [];
  const base = appRef.pointer + '/container/volumes/';
  container.volumes.forEach((volume, index) => {
    if (!isObject(volume)) return;
    out.push({ appRef, index, pointer: base + index, volume, kind: volumeKind(volume) });
  });
  return out;
});

/** Every volume in every app, grouped by kind, computed once per document: about forty rules ask. */
const volumesByKind = perDocument((ctx: RuleContext): Record<VolumeKind, VolumeRef[]> => {
  const out: Record<VolumeKind, VolumeRef[]> = { persistent: [], external: [], secret: [], host: [] };
  // Indexed loops (core/rule.ts): this runs once per document, cold, where each for-of step allocates.
  for (let ai = 0; ai < ctx.apps.length; ai++) {
    const vs = volumesOf(ctx.apps[ai]);
    for (let vi = 0; vi < vs.length; vi++) out[vs[vi].kind].push(vs[vi]);
  }
  return out;
});

/** Every volume of the given kind in every app of the document (shared: read-only). */
export function volumesOfKind(ctx: RuleContext, kind: VolumeKind): readonly VolumeRef[] {
  return volumesByKind(ctx)[kind];
}

export const hasPersistentVolumes = perApp((appRef: AppRef): boolean => volumesOf(appRef).some((v) => v.kind === 'persistent'));

/**
 * How Marathon's resident-app checks see the app: `'volumes'` when it has persistent volumes, `'residency'` when it
 * has none but declares `residency` (the canonical checks ask `app.residency.isDefined`, AppValidation and
 * SchedulingValidation 1.5–1.10, and 1.1–1.5's model `isResident` is `residency.isDefined`: the field still makes the
 * app resident to them although it has no effect from 1.6 on), otherwise `undefined`.
 */
export function residentBy(appRef: AppRef): 'volumes' | 'residency' | undefined {
  if (hasPersistentVolumes(appRef)) return 'volumes';
  return isObject(appRef.app.residency) ? 'residency' : undefined;
}

/** The sentence the resident rules use for an app that is resident only because it declares `residency`. */
export const residencyOnlyNote =
  'this app has no persistent volume, but it declares "residency", and Marathon checks any app that declares it as a resident app (the field has no other effect from Marathon 1.6 on). Remove "residency"';
