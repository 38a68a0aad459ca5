/** The volumes of a Chronos job's container; Chronos ignores the container block unless it has an image. */
import { isObject, type JsonObject } from '../documentModel';
import type { RuleContext } from '../../core/rule';
import { jobOf } from './chronosJob';

export interface ChronosVolume {
  pointer: string;
  volume: JsonObject;
}

/**
 * Whether Chronos reads this `container` value: JobDeserializer reads the block only if `container.has("image")`
 * (Jackson's `has` is true for an explicit null too), and never looks at anything else under "container".
 */
export function chronosReadsContainer(container: unknown): container is JsonObject {
  return isObject(container) && container.image !== undefined;
}

/** The job's container as Chronos reads it, or undefined when there is none or Chronos ignores it. */
export function chronosContainerOf(ctx: RuleContext): JsonObject | undefined {
  const c = jobOf(ctx)?.container;
  return chronosReadsContainer(c) ? c : undefined;
}

export function chronosVolumesOf(ctx: RuleContext): ChronosVolume[] {
  const c = chronosContainerOf(ctx);
  if (!c || !Array.isArray(c.volumes)) return [];
  return c.volumes.flatMap((volume, i) => (isObject(volume) ? [{ pointer: `/container/volumes/${i}`, volume }] : []));
}
