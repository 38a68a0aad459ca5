/**
 * Which containerizer Marathon will use for an app. A `container` without `type` is DOCKER (the RAML
 * default), which surprises many users; no `container` at all means the Mesos containerizer without image.
 * Enum values are case-insensitive from 1.5 on, so the comparison upper-cases.
 */
import { isObject, type JsonObject } from '../documentModel';

export type Containerizer = 'DOCKER' | 'MESOS' | 'NONE' | 'OTHER';

export function containerOf(app: JsonObject): JsonObject | undefined {
  return isObject(app.container) ? app.container : undefined;
}

export function containerizerOf(app: JsonObject): Containerizer {
  const container = containerOf(app);
  if (!container) return 'NONE';
  if (container.type == null) return 'DOCKER';
  if (typeof container.type !== 'string') return 'OTHER';
  const t = container.type.toUpperCase();
  return t === 'DOCKER' || t === 'MESOS' ? t : 'OTHER';
}

export function dockerOf(app: JsonObject): JsonObject | undefined {
  const container = containerOf(app);
  return container && isObject(container.docker) ? container.docker : undefined;
}

/** True when the app names an image (Docker or AppC), which lets it run without `cmd`/`args`. */
export function hasImage(app: JsonObject): boolean {
  const container = containerOf(app);
  if (!container) return false;
  const docker = dockerOf(app);
  if (docker && typeof docker.image === 'string' && docker.image !== '') return true;
  return isObject(container.appc) && typeof container.appc.image === 'string' && container.appc.image !== '';
}
