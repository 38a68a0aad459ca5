/**
 * Validates request params and names the offending field ("params.options.size"). Two layers:
 *  1. shape: the protocol schema's precompiled validator (schema/dvdi-bridge-protocol.schema.json) decides;
 *     the hand-written checks run first only so that the common mistakes get a message that says what to send.
 *  2. safety: the shared request rules (validation/request.ts, reached through the runner's entry point), for
 *     the engine that will run the request. Only problems of kind `unsafe` (could inject into what the bridge
 *     runs) are protocol errors here; `agent-refuses` problems (e.g. mesos-module-dvdi rejecting a relative
 *     containerPath) pass on and come back from the runner as the verdict `refused` with the module's message.
 *
 * Decision: injection-shaped input is answered with a JSON-RPC invalid-params error (-32602) naming the field,
 * not with the verdict "refused". A verdict is a statement about a volume on this agent; such strings cannot name
 * a volume the bridge could safely mount, so the request itself is malformed and never reaches the runner.
 */
import { checkDriverName, checkVolumeRequest, ENGINE_NAMES, type DryRunMountParams, type EngineName, type RequestProblem } from '../dryrun/index';
import type { RpcId } from './jsonRpc';
import { bridgeProtocolValidators as schema } from '@marathon-devtools/schema/validators';
import { keyPath, schemaProblem, type SchemaProblem } from './schemaErrors';

type ParamsError = SchemaProblem;
export type Checked<T> = { ok: true; value: T } | ({ ok: false } & ParamsError);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const fail = <T>(field: string, message: string): Checked<T> => ({ ok: false, field, message: `${field}: ${message}` });

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
  if (p.engine !== undefined && !ENGINE_NAMES.includes(p.engine as EngineName)) return { field: 'params.engine', message: `params.engine: must be one of ${ENGINE_NAMES.join(', ')}` };
  if (p.allowCreate !== undefined && typeof p.allowCreate !== 'boolean') return { field: 'params.allowCreate', message: 'params.allowCreate: must be true or false' };
  return undefined;
}

/** `params.options["a;b"]` from the rule's field path ['options', 'a;b']. */
function fieldName(path: string[]): string {
  const [head, ...rest] = path;
  return `params${head === undefined ? '' : `.${head}`}${rest.map(keyPath).join('')}`;
}

function unsafeOnly(problem: RequestProblem | undefined): ParamsError | undefined {
  if (!problem || problem.kind !== 'unsafe') return undefined;
  const field = fieldName(problem.field);
  return { field, message: `${field}: ${problem.message}; the request was not run` };
}

/** Layer 2 for volume/dryRunMount (after layer 1, so types are known), for the engine the runner will use. */
function dryRunSafety(p: DryRunMountParams, defaultEngine: EngineName): ParamsError | undefined {
  return unsafeOnly(checkVolumeRequest(p, p.engine ?? defaultEngine));
}

export function checkDryRunParams(p: unknown, defaultEngine: EngineName): Checked<DryRunMountParams> {
  const e = dryRunShape(p) ?? schemaProblem(schema.dryRunMountParams, p) ?? dryRunSafety(p as DryRunMountParams, defaultEngine);
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
  const bad = unsafeOnly(checkDriverName(p.driver as string));
  if (bad) return { ok: false, ...bad };
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
