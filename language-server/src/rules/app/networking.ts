/**
 * How an app is networked, from the 1.5+ `networks` list or the deprecated `container.docker.network` /
 * `ipAddress` fields, the way AppNormalization translates them. Host networking is the default.
 */
import { isObject, joinPointer, type JsonObject } from '../../core/documentModel';
import { containerOf, dockerOf } from './containerizer';

export type NetworkMode = 'host' | 'bridge' | 'container';

export interface NetworkRef {
  pointer: string;
  /** Undefined when `mode` is not one of the enum values (the schema rule reports that). */
  mode: NetworkMode | undefined;
  name: string | undefined;
  hasLabels: boolean;
}

const modes: Record<string, NetworkMode> = { host: 'host', 'container/bridge': 'bridge', container: 'container' };

/** The entries of `networks`, with `mode` defaulting to `container` as in network.raml. */
export function declaredNetworks(app: JsonObject, pointer: string): NetworkRef[] {
  if (!Array.isArray(app.networks)) return [];
  const out: NetworkRef[] = [];
  app.networks.forEach((n, i) => {
    if (!isObject(n)) return;
    const mode = n.mode == null ? 'container' : typeof n.mode === 'string' ? modes[n.mode.toLowerCase()] : undefined;
    const name = typeof n.name === 'string' ? n.name : undefined;
    const hasLabels = isObject(n.labels) && Object.keys(n.labels).length > 0;
    out.push({ pointer: joinPointer(pointer, 'networks', i), mode, name, hasLabels });
  });
  return out;
}

/** The effective networking mode after normalization. */
export function networkingMode(app: JsonObject): NetworkMode {
  const networks = declaredNetworks(app, '');
  if (networks.length > 0) return networks[0].mode ?? 'host';
  const dockerNetwork = dockerOf(app)?.network;
  if (typeof dockerNetwork === 'string') {
    const n = dockerNetwork.toUpperCase();
    if (n === 'BRIDGE') return 'bridge';
    if (n === 'USER') return 'container';
    return 'host';
  }
  if (isObject(app.ipAddress)) return 'container';
  return 'host';
}

/** `container.portMappings`, else the deprecated `container.docker.portMappings`, with its pointer. */
export function portMappingsOf(app: JsonObject, pointer: string): { pointer: string; mappings: unknown[] } | undefined {
  const container = containerOf(app);
  if (Array.isArray(container?.portMappings)) return { pointer: joinPointer(pointer, 'container', 'portMappings'), mappings: container.portMappings };
  const docker = dockerOf(app);
  if (Array.isArray(docker?.portMappings)) return { pointer: joinPointer(pointer, 'container', 'docker', 'portMappings'), mappings: docker.portMappings };
  return undefined;
}
