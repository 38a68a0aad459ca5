/** Pointer edits that add volumes to an app's `container.volumes`, creating what is missing. Shared by the migration fixes. */
import type { PointerEdit } from '../../core/types';
import { isObject, joinPointer, type JsonObject } from '../documentModel';

/** `newContainer` is the container written when the app has none (the volumes are added to it). */
export function appendVolumesEdits(appPointer: string, app: JsonObject, volumes: JsonObject[], newContainer: JsonObject): PointerEdit[] {
  const container = app.container;
  if (!isObject(container)) return [{ op: 'add', pointer: joinPointer(appPointer, 'container'), value: { ...newContainer, volumes } }];
  if (!Array.isArray(container.volumes)) return [{ op: 'add', pointer: joinPointer(appPointer, 'container', 'volumes'), value: volumes }];
  return volumes.map((value) => ({ op: 'add' as const, pointer: joinPointer(appPointer, 'container', 'volumes', '-'), value }));
}
