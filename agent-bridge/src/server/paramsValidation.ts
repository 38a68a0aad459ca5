/**
 * The one request check: params are checked against the protocol schema's precompiled validator of their
 * method (schema/source/protocol.ts → `bridgeParamsValidators`), whose first error becomes a field-naming message
 * (schemaErrors.ts). No shape is written here: adding a request field is an edit of the schema source.
 * Then safety: the shared request rules (validation/request.ts, reached through the runner's entry point), for the
 * engine that will run the request. Only problems of kind `unsafe` (could inject into what the bridge runs) are
 * protocol errors here; `agent-refuses` problems (e.g. mesos-module-dvdi rejecting a relative containerPath) pass
 * on and come back from the runner as the verdict `refused` with the module's message.
 *
 * Decision: injection-shaped input is answered with a JSON-RPC invalid-params error (-32602) naming the field,
 * not with the verdict "refused". A verdict is a statement about a volume on this agent; such strings cannot name
 * a volume the bridge could safely mount, so the request itself is malformed and never reaches the runner.
 */
import type { BridgeProtocol } from '@marathon-devtools/schema';
import { bridgeParamsValidators } from '@marathon-devtools/schema/validators';
import { checkDriverName, checkVolumeRequest, type EngineName, type RequestProblem } from '../dryrun/index';
import { keyPath, schemaProblem, type SchemaProblem } from './schemaErrors';

/** The params of each method and notification the bridge receives, as the schema types them. */
export interface ReceivedParams {
  'bridge/info': BridgeProtocol.BridgeInfoParams;
  'volume/list': BridgeProtocol.VolumeListParams;
  'volume/dryRunMount': BridgeProtocol.DryRunMountParams;
  '$/cancelRequest': BridgeProtocol.CancelRequestParams;
}

export type Checked<T> = { ok: true; value: T } | ({ ok: false } & SchemaProblem);

/** `params.options["a;b"]` from the rule's field path ['options', 'a;b']. */
function fieldName(path: string[]): string {
  const [head, ...rest] = path;
  return `params${head === undefined ? '' : `.${head}`}${rest.map(keyPath).join('')}`;
}

function unsafeOnly(problem: RequestProblem | undefined): SchemaProblem | undefined {
  if (!problem || problem.kind !== 'unsafe') return undefined;
  const field = fieldName(problem.field);
  return { field, message: `${field}: ${problem.message}; the request was not run` };
}

/** Safety beyond the shape, for the engine the runner will use (`defaultEngine` when the request names none). */
function safety(method: keyof ReceivedParams, p: Record<string, unknown>, defaultEngine: EngineName): SchemaProblem | undefined {
  if (method === 'volume/dryRunMount') {
    const q = p as unknown as BridgeProtocol.DryRunMountParams;
    return unsafeOnly(checkVolumeRequest(q, q.engine ?? defaultEngine));
  }
  if (method === 'volume/list') return unsafeOnly(checkDriverName((p as unknown as BridgeProtocol.VolumeListParams).driver));
  return undefined;
}

/** Absent params are `{}` (JSON-RPC allows omitting them), so a missing field is named rather than the whole. */
export function checkParams<M extends keyof ReceivedParams>(method: M, params: unknown, defaultEngine: EngineName): Checked<ReceivedParams[M]> {
  const p = params === undefined ? {} : params;
  const problem = schemaProblem(bridgeParamsValidators[method], p, method) ?? safety(method, p as Record<string, unknown>, defaultEngine);
  // The schema closes every params object (no unknown fields), so what passes is exactly the typed shape.
  return problem ? { ok: false, ...problem } : { ok: true, value: p as ReceivedParams[M] };
}
