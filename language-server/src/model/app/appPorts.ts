/**
 * The ports an app ends up with after normalization, which health and readiness checks address by index
 * or name: port definitions on host networking (one `default` port when none are given), port mappings on
 * bridge/container networking (one `default` mapping when none are given).
 */
import { isObject, type AppRef, type JsonObject } from '../documentModel';
import { perApp } from '../perDocument';
import { networkingMode, portMappingsOf } from './networking';

export interface EffectivePorts {
  /** Where the ports come from, for messages. */
  source: 'portDefinitions' | 'ports' | 'portMappings' | 'default';
  names: (string | undefined)[];
}

function effectivePorts(app: JsonObject): EffectivePorts {
  if (networkingMode(app) === 'host') {
    if (Array.isArray(app.portDefinitions)) return { source: 'portDefinitions', names: app.portDefinitions.map(nameOf) };
    if (Array.isArray(app.ports)) return { source: 'ports', names: app.ports.map(() => undefined) };
    return { source: 'default', names: ['default'] };
  }
  const mappings = portMappingsOf(app, '');
  if (mappings && mappings.mappings.length > 0) return { source: 'portMappings', names: mappings.mappings.map(nameOf) };
  return { source: 'default', names: ['default'] };
}

/** `effectivePorts` of an app of the document, once per run (shared: read-only). */
export const effectivePortsOf = perApp((ref: AppRef): EffectivePorts => effectivePorts(ref.app));

function nameOf(p: unknown): string | undefined {
  return isObject(p) && typeof p.name === 'string' ? p.name : undefined;
}
