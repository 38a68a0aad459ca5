/** The volumes of a Chronos job's container; Chronos ignores the container block unless it has an image. */
import { isObject, type JsonObject } from '../documentModel';
import type { RuleContext } from '../../core/rule';
import { jobOf } from './chronosJob';

export interface ChronosVolume {
  pointer: string;
  volume: JsonObject;
}

export function chronosContainerOf(ctx: RuleContext): JsonObject | undefined {
  const c = jobOf(ctx)?.container;
  return isObject(c) && c.image !== undefined ? c : undefined;
}

export function chronosVolumesOf(ctx: RuleContext): ChronosVolume[] {
  const c = chronosContainerOf(ctx);
  if (!c || !Array.isArray(c.volumes)) return [];
  return c.volumes.flatMap((volume, i) => (isObject(volume) ? [{ pointer: `/container/volumes/${i}`, volume }] : []));
}
