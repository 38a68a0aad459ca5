/**
 * Where a rule narrows what the schema allows, hover and completion must say the same as the rule: the
 * schema allows `mode` RW or RO, but on the Mesos containerizer Marathon only accepts RW for an external
 * volume (rules/dvdi/dvdi-mesos-mode-rw.ts, marathon-rules.md "does not equal RW").
 */
import { isObject } from '../model/documentModel';
import type { JsonPath } from './jsonTree';

export interface AllowedHint {
  /** The values the rules accept here. */
  allowed: string[];
  /** One sentence: why, naming the rule. */
  why: string;
}

function valueAt(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const seg of path) v = Array.isArray(v) ? v[seg as number] : isObject(v) ? v[String(seg)] : undefined;
  return v;
}

export function allowedByRules(root: unknown, path: JsonPath): AllowedHint | undefined {
  const n = path.length;
  if (n < 4 || path[n - 1] !== 'mode' || typeof path[n - 2] !== 'number' || path[n - 3] !== 'volumes' || path[n - 4] !== 'container') return undefined;
  const volume = valueAt(root, path.slice(0, -1));
  const container = valueAt(root, path.slice(0, -3));
  if (!isObject(volume) || !isObject(volume.external) || !isObject(container)) return undefined;
  if (typeof container.type !== 'string' || container.type.toUpperCase() !== 'MESOS') return undefined;
  return { allowed: ['RW'], why: 'On the Mesos containerizer Marathon mounts an external volume read-write only (rule dvdi-mesos-mode-rw); RO needs the Docker containerizer.' };
}
