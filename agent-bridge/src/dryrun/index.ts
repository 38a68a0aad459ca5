/**
 * The runner's public entry: everything the transport (server/, security/, cli/) may use from the mount side.
 * The seam itself is contract.ts; the request rules are shared so both layers refuse the same strings.
 */
export { createDryRunner, DEFAULT_TIMEOUTS } from './runner';
export { startLocalDriver } from '../local-driver/server';
export { probeStateDir } from '../journal/journal';
export { lockStateDir, type StateDirLock } from '../journal/stateDirLock';
export { cancelOutcome } from './cancelOutcome';
export { checkDriverAndName } from './policy';
export { checkDriverName, checkVolumeRequest, ENGINE_NAMES, type ProblemKind, type RequestProblem } from '../validation/request';
export type * from './contract';
