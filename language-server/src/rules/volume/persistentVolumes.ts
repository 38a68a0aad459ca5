/** Persistent (local) volume accessors shared by the persistent-volume-* rules. */
import { joinPointer, type JsonObject } from '../../core/documentModel';
import type { RuleContext } from '../rule';
import { volumesOfKind, type VolumeRef } from './appVolumes';

export interface PersistentVolumeRef extends VolumeRef {
  persistent: JsonObject;
  persistentPointer: string;
}

export function persistentVolumesOf(ctx: RuleContext): PersistentVolumeRef[] {
  return volumesOfKind(ctx, 'persistent').map((v) => ({
    ...v,
    persistent: v.volume.persistent as JsonObject,
    persistentPointer: joinPointer(v.pointer, 'persistent'),
  }));
}
