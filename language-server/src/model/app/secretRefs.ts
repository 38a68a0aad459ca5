/**
 * Where an app refers to secrets: `{"secret": name}` env values, secret volumes and docker.pullConfig.
 * All must name a key of the app's `secrets` map.
 */
import { isObject, joinPointer, type JsonObject } from '../documentModel';
import { containerOf, dockerOf } from './containerizer';

export interface SecretRef {
  pointer: string;
  name: string;
  kind: 'env' | 'volume' | 'pullConfig';
}

export function declaredSecrets(app: JsonObject): Set<string> {
  return new Set(isObject(app.secrets) ? Object.keys(app.secrets) : []);
}

export function envSecretRefs(app: JsonObject, pointer: string): SecretRef[] {
  const env = app.env;
  if (!isObject(env)) return [];
  // A plain loop: most env values are strings, and flatMap allocated an array per variable of every app.
  const out: SecretRef[] = [];
  for (const key in env) {
    const v = env[key];
    if (isObject(v) && typeof v.secret === 'string') out.push({ pointer: joinPointer(pointer, 'env', key, 'secret'), name: v.secret, kind: 'env' });
  }
  return out;
}

export function volumeSecretRefs(app: JsonObject, pointer: string): SecretRef[] {
  const volumes = containerOf(app)?.volumes;
  if (!Array.isArray(volumes)) return [];
  const out: SecretRef[] = [];
  for (let i = 0; i < volumes.length; i++) {
    const v: unknown = volumes[i];
    if (isObject(v) && typeof v.secret === 'string') out.push({ pointer: joinPointer(pointer, 'container', 'volumes', i, 'secret'), name: v.secret, kind: 'volume' });
  }
  return out;
}

export function pullConfigSecretRef(app: JsonObject, pointer: string): SecretRef | undefined {
  const pull = dockerOf(app)?.pullConfig;
  return isObject(pull) && typeof pull.secret === 'string'
    ? { pointer: joinPointer(pointer, 'container', 'docker', 'pullConfig', 'secret'), name: pull.secret, kind: 'pullConfig' }
    : undefined;
}
