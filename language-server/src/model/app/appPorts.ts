/**
 * The ports an app has when Marathon checks what addresses them by index or name: port definitions on host
 * networking (one `default` port when none are given), port mappings on bridge/container networking (one `default`
 * mapping when the container gives none).
 *
 * From 1.5 on (AppNormalization.forDeprecated), a container's `portMappings: []` stays empty ("To obtain a container
 * with no port mappings, specify an empty array", appContainer.raml), and an app on a bridge/container network with
 * no `container` at all (nor `ipAddress`, which implies a MESOS one) has no container and so no port mappings while
 * the canonical checks (health checks, readiness checks) run: the default container with its default mapping is only
 * added after them (forPostValidation), in time for the model's checks (`check`).
 */
import { isObject, type AppRef, type JsonObject } from '../documentModel';
import { perApp } from '../perDocument';
import type { RuleContext } from '../../core/rule';
import { containerOf } from './containerizer';
import { networkingMode, portMappingsOf } from './networking';

export interface EffectivePorts {
  /** Where the ports come from, for messages; 'no-container' is a bridge/container network without a `container`. */
  source: 'portDefinitions' | 'ports' | 'portMappings' | 'default' | 'no-container';
  names: (string | undefined)[];
}

/** Which of Marathon's checks asks: before 1.5 (Formats), 1.5+ canonical validation, 1.5+ model validation. */
export type PortStage = 'legacy' | 'canonical' | 'model';

function effectivePorts(app: JsonObject, stage: PortStage): EffectivePorts {
  if (networkingMode(app) === 'host') {
    if (Array.isArray(app.portDefinitions)) return { source: 'portDefinitions', names: app.portDefinitions.map(nameOf) };
    if (Array.isArray(app.ports)) return { source: 'ports', names: app.ports.map(() => undefined) };
    return { source: 'default', names: ['default'] };
  }
  const mappings = portMappingsOf(app, '');
  if (mappings && (mappings.mappings.length > 0 || stage !== 'legacy')) return { source: 'portMappings', names: mappings.mappings.map(nameOf) };
  if (stage === 'canonical' && !containerOf(app) && !isObject(app.ipAddress)) return { source: 'no-container', names: [] };
  return { source: 'default', names: ['default'] };
}

const legacyPortsOf = perApp((ref: AppRef): EffectivePorts => effectivePorts(ref.app, 'legacy'));
const canonicalPortsOf = perApp((ref: AppRef): EffectivePorts => effectivePorts(ref.app, 'canonical'));
const modelPortsOf = perApp((ref: AppRef): EffectivePorts => effectivePorts(ref.app, 'model'));

/**
 * `effectivePorts` of an app of the document as the check at `stage` sees them (before 1.5 every stage sees the
 * legacy ports), once per run (shared: read-only).
 */
export function effectivePortsOf(ctx: RuleContext, ref: AppRef, stage: 'canonical' | 'model'): EffectivePorts {
  if (!ctx.atLeast('1.5')) return legacyPortsOf(ref);
  return stage === 'canonical' ? canonicalPortsOf(ref) : modelPortsOf(ref);
}

/** What the messages say about an app on a bridge/container network without a `container`. */
export const noContainerNote =
  'On a bridge or container network without a "container", the app has no port mappings yet when Marathon checks this (it adds its default container and port mapping only afterwards). Add a "container" (e.g. {"type": "MESOS"}), which gets the default port mapping, or give its portMappings';

function nameOf(p: unknown): string | undefined {
  return isObject(p) && typeof p.name === 'string' ? p.name : undefined;
}
