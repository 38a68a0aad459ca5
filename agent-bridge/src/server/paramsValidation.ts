/**
 * Validates request params and names the offending field ("params.options.size"). Two layers:
 *  1. shape: the protocol schema's precompiled validator (schema/dvdi-bridge-protocol.schema.json) decides;
 *     the hand-written checks run first only so that the common mistakes get a message that says what to send.
 *  2. safety: argv/shell injection (security/argvSafety.ts), which JSON Schema cannot express clearly.
 */
import type { DryRunMountParams } from '../dryrun/contract';
import { checkContainerPath, checkDriver, checkOptionKey, checkOptionValue, checkVolumeName } from '../security/argvSafety';
import type { RpcId } from './jsonRpc';
import { bridgeProtocolValidators as schema } from '@marathon-devtools/schema/validators';
import { schemaProblem } from './schemaErrors';

export interface ParamsError {
  field: string;
  message: string;
}
export type Checked<T> = { ok: true; value: T } | ({ ok: false } & ParamsError);

const ENGINES = ['docker-volume', 'dvdi-module', 'plugin'];
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = <T>(field: string, message: string): Checked<T> => ({ ok: false, field, message: `${field}: ${message}` });
const keyPath = (k: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k.length > 40 ? k.slice(0, 40) + '…' : k)}]`);

function unknownField(p: Record<string, unknown>, known: string[]): ParamsError | undefined {
  const extra = Object.keys(p).find((k) => !known.includes(k));
  return extra === undefined ? undefined : { field: `params${keyPath(extra)}`, message: `params${keyPath(extra)}: unknown field; expected only ${known.join(', ')}` };
}

function requiredString(p: Record<string, unknown>, key: string): ParamsError | undefined {
  if (!(key in p)) return { field: `params.${key}`, message: `params.${key}: is required` };
  if (typeof p[key] !== 'string') return { field: `params.${key}`, message: `params.${key}: must be a string, got ${typeName(p[key])}` };
  return undefined;
}

function typeName(v: unknown): string {
  return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
}

/** Layer 1 for volume/dryRunMount. */
function dryRunShape(p: unknown): ParamsError | undefined {
  if (!isObject(p)) return { field: 'params', message: 'params: must be an object like {"driver": "rexray", "name": "vol1"}' };
  const u = unknownField(p, ['driver', 'name', 'options', 'containerPath', 'mode', 'engine', 'allowCreate']);
  if (u) return u;
  const r = requiredString(p, 'driver') ?? requiredString(p, 'name');
  if (r) return r;
  if (p.options !== undefined) {
    if (!isObject(p.options)) return { field: 'params.options', message: 'params.options: must be an object of string values, e.g. {"size": "5"}' };
    for (const [k, v] of Object.entries(p.options)) {
      if (typeof v !== 'string') return { field: `params.options${keyPath(k)}`, message: `params.options${keyPath(k)}: must be a string (dvdcli passes options as text), got ${typeName(v)}` };
    }
  }
  if (p.containerPath !== undefined && typeof p.containerPath !== 'string') return { field: 'params.containerPath', message: 'params.containerPath: must be a string' };
  if (p.mode !== undefined && p.mode !== 'RW' && p.mode !== 'RO') return { field: 'params.mode', message: 'params.mode: must be "RW" or "RO"' };
  if (p.engine !== undefined && !ENGINES.includes(p.engine as string)) return { field: 'params.engine', message: `params.engine: must be one of ${ENGINES.join(', ')}` };
  if (p.allowCreate !== undefined && typeof p.allowCreate !== 'boolean') return { field: 'params.allowCreate', message: 'params.allowCreate: must be true or false' };
  return undefined;
}

/** Layer 2 for volume/dryRunMount (after layer 1, so types are known). */
function dryRunSafety(p: DryRunMountParams): ParamsError | undefined {
  const at = (field: string, reason: string | undefined) => (reason ? { field, message: `${field}: ${reason}; the request was not run` } : undefined);
  const d = at('params.driver', checkDriver(p.driver)) ?? at('params.name', checkVolumeName(p.name));
  if (d) return d;
  for (const [k, v] of Object.entries(p.options ?? {})) {
    const e = at(`params.options${keyPath(k)}`, checkOptionKey(k) ?? checkOptionValue(v));
    if (e) return e;
  }
  return p.containerPath === undefined ? undefined : at('params.containerPath', checkContainerPath(p.containerPath));
}

export function checkDryRunParams(p: unknown): Checked<DryRunMountParams> {
  const e = dryRunShape(p) ?? schemaProblem(schema.dryRunMountParams, p) ?? dryRunSafety(p as DryRunMountParams);
  if (e) return { ok: false, ...e };
  const q = p as DryRunMountParams;
  // Copy only known fields so nothing else the client sent reaches the runner.
  const value: DryRunMountParams = { driver: q.driver, name: q.name };
  if (q.options !== undefined) value.options = { ...q.options };
  if (q.containerPath !== undefined) value.containerPath = q.containerPath;
  if (q.mode !== undefined) value.mode = q.mode;
  if (q.engine !== undefined) value.engine = q.engine;
  if (q.allowCreate !== undefined) value.allowCreate = q.allowCreate;
  return { ok: true, value };
}

export function checkListParams(p: unknown): Checked<{ driver: string }> {
  if (!isObject(p)) return fail('params', 'must be an object like {"driver": "rexray"}');
  const e = unknownField(p, ['driver']) ?? requiredString(p, 'driver') ?? schemaProblem(schema.volumeListParams, p);
  if (e) return { ok: false, ...e };
  const reason = checkDriver(p.driver as string);
  if (reason) return fail('params.driver', `${reason}; the request was not run`);
  return { ok: true, value: { driver: p.driver as string } };
}

export function checkNoParams(p: unknown): Checked<undefined> {
  if (p === undefined || schema.bridgeInfoParams(p)) return { ok: true, value: undefined };
  return fail('params', 'bridge/info takes no params; omit them or send {}');
}

export function checkCancelParams(p: unknown): Checked<{ id: RpcId }> {
  if (!schema.cancelRequestParams(p)) return fail('params.id', 'must be the id (integer or string) of the request to cancel');
  return { ok: true, value: { id: p.id as RpcId } };
}
