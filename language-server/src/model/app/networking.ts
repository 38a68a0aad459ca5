/**
 * How an app is networked, from the 1.5+ `networks` list or the deprecated `container.docker.network` /
 * `ipAddress` fields, the way AppNormalization translates them. Host networking is the default.
 */
import { isObject, joinPointer, type AppRef, type JsonObject } from '../documentModel';
import { perApp } from '../perDocument';
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

/**
 * The entries of the `networks` of an app or a pod (at `pointer`), with `mode` defaulting to `container` as in
 * network.raml. Marathon's NetworkValidation checks apps and pods (1.5+) with the same `ramlNetworksValidator`.
 */
export function networksIn(spec: JsonObject, pointer: string): NetworkRef[] {
  if (!Array.isArray(spec.networks)) return [];
  const out: NetworkRef[] = [];
  spec.networks.forEach((n, i) => {
    if (!isObject(n)) return;
    const mode = modeOf(n);
    const name = typeof n.name === 'string' ? n.name : undefined;
    const hasLabels = isObject(n.labels) && Object.keys(n.labels).length > 0;
    out.push({ pointer: joinPointer(pointer, 'networks', i), mode, name, hasLabels });
  });
  return out;
}

function modeOf(network: JsonObject): NetworkMode | undefined {
  const m = network.mode;
  return m == null ? 'container' : typeof m === 'string' ? modes[m.toLowerCase()] : undefined;
}

/** `networksIn` an app of the document, once per run (shared: read-only). */
export const networksOf = perApp((ref: AppRef): NetworkRef[] => networksIn(ref.app, ref.pointer));

export function countContainerNetworks(networks: readonly NetworkRef[]): number {
  let n = 0;
  for (const net of networks) if (net.mode === 'container') n++;
  return n;
}

/** The effective networking mode after normalization. */
export function networkingMode(app: JsonObject): NetworkMode {
  // The first object entry decides; found directly rather than by building every entry's NetworkRef.
  if (Array.isArray(app.networks)) for (const n of app.networks) if (isObject(n)) return modeOf(n) ?? 'host';
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

/** `portMappingsOf` an app of the document, once per run (shared: read-only); undefined (no mappings) is not cached, and costs nothing. */
export const portMappingsOfRef = perApp((ref: AppRef) => portMappingsOf(ref.app, ref.pointer));

/** `container.portMappings`, else the deprecated `container.docker.portMappings`, with its pointer. */
export function portMappingsOf(app: JsonObject, pointer: string): { pointer: string; mappings: unknown[] } | undefined {
  const container = containerOf(app);
  if (Array.isArray(container?.portMappings)) return { pointer: joinPointer(pointer, 'container', 'portMappings'), mappings: container.portMappings };
  const docker = dockerOf(app);
  if (Array.isArray(docker?.portMappings)) return { pointer: joinPointer(pointer, 'container', 'docker', 'portMappings'), mappings: docker.portMappings };
  return undefined;
}
