/**
 * The environment-variable form that mesos-module-dvdi reads (`parseEnvVar`, docker_volume_driver_isolator.cpp):
 * `DVDI_VOLUME_<FIELD>[<digit>]`, one slot per digit ("" is slot 0, so `…0` writes the same slot).
 * Any variable that starts with a base name but does not fit this shape fails the task's prepare().
 */
import { isObject, joinPointer, type AppRef } from '../documentModel';

export type DvdiEnvField = 'NAME' | 'DRIVER' | 'OPTS' | 'CONTAINERPATH' | 'DVDCLI' | 'EXPLICITCREATE';

/** In the module's test order: the first base name that prefixes the variable wins. */
const dvdiEnvFields: readonly DvdiEnvField[] = ['NAME', 'DRIVER', 'OPTS', 'CONTAINERPATH', 'DVDCLI', 'EXPLICITCREATE'];

/** Fields whose values the module checks for prohibited characters. */
export const checkedFields: ReadonlySet<DvdiEnvField> = new Set(['NAME', 'DRIVER', 'OPTS', 'EXPLICITCREATE']);

export interface DvdiEnvVar {
  key: string;
  pointer: string;
  field: DvdiEnvField;
  /** 0 – 9; undefined when the name is illegal. */
  slot: number | undefined;
  /** The value when it is a plain string (secret references are not plain strings). */
  value: string | undefined;
}

export interface DvdiSlot {
  slot: number;
  vars: Partial<Record<DvdiEnvField, DvdiEnvVar>>;
}

function parseDvdiEnvName(key: string): { field: DvdiEnvField; slot: number | undefined } | undefined {
  // Every env key of every app passes here: reject the usual non-DVDI name before trying six prefixes.
  if (!key.startsWith('DVDI_VOLUME_')) return undefined;
  for (const field of dvdiEnvFields) {
    const base = `DVDI_VOLUME_${field}`;
    if (!key.startsWith(base)) continue;
    const suffix = key.slice(base.length);
    if (suffix === '') return { field, slot: 0 };
    return { field, slot: /^[0-9]$/.test(suffix) ? Number(suffix) : undefined };
  }
  return undefined;
}

export function dvdiEnvVarsOf(appRef: AppRef): DvdiEnvVar[] {
  const env = appRef.app.env;
  if (!isObject(env)) return [];
  const out: DvdiEnvVar[] = [];
  for (const key in env) {
    const parsed = parseDvdiEnvName(key);
    if (!parsed) continue;
    const raw = env[key];
    out.push({ key, pointer: joinPointer(appRef.pointer, 'env', key), ...parsed, value: typeof raw === 'string' ? raw : undefined });
  }
  return out;
}

/** Slots in index order; for a slot written twice (`X` and `X0`) the later variable wins, as in the module. */
export function dvdiSlotsOf(vars: readonly DvdiEnvVar[]): DvdiSlot[] {
  const slots = new Map<number, DvdiSlot>();
  for (const v of vars) {
    if (v.slot === undefined) continue;
    const s = slots.get(v.slot) ?? { slot: v.slot, vars: {} };
    s.vars[v.field] = v;
    slots.set(v.slot, s);
  }
  return [...slots.values()].sort((a, b) => a.slot - b.slot);
}

/** Characters the module refuses in checked values (`/` and `:` included; `=` and `,` allowed). */
const prohibitedChars = ['%', '/', ':', ';', '\0', '<', '>', '|', '`', '$', "'", '?', '^', '&', ' ', '{', '"', '}', '[', ']', '\n', '\t', '\v', '\b', '\r', '\\'];

export function prohibitedIn(value: string): string[] {
  return prohibitedChars.filter((c) => value.includes(c));
}

/** `k=v,k=v` as the module splits it: on commas, empty items skipped. */
export function splitOpts(opts: string): string[] {
  return opts.split(',').filter((item) => item !== '');
}
