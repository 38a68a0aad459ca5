/** Persistent (local) volume accessors shared by the persistent-volume-* rules. */
import type { JsonObject } from '../documentModel';
import { perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';
import { volumesOfKind, type VolumeRef } from './appVolumes';

export interface PersistentVolumeRef extends VolumeRef {
  persistent: JsonObject;
  persistentPointer: string;
}

/** Every persistent volume of the document, once per run (shared: read-only). */
export const persistentVolumesOf = perDocument((ctx: RuleContext): readonly PersistentVolumeRef[] =>
  volumesOfKind(ctx, 'persistent').map((v) => ({
    // A literal, not `...v`: spreading 10,000 refs per document showed up in profiles.
    appRef: v.appRef,
    index: v.index,
    pointer: v.pointer,
    volume: v.volume,
    kind: v.kind,
    persistent: v.volume.persistent as JsonObject,
    persistentPointer: v.pointer + '/persistent',
  })),
);
