// The Marathon API client: one import for the CLI, the language server, the gate and the bridge's discovery.
export { MarathonClient, ROOT_GROUP_EMBED, normalizeGroup, type WriteOptions } from './client';
export { MarathonError, displayUrl, type MarathonErrorKind } from './errors';
export { followEvents, type EventFollower, type EventStreamState, type FollowEventsOptions } from './events';
export {
  DEFAULT_MAX_BYTES,
  DEFAULT_TIMEOUT_MS,
  MarathonSetupError,
  parseBaseUrl,
  readAccessFiles,
  readCaFile,
  readCredentialsFile,
  readTokenFile,
  userFreeUrl,
  type MarathonAccessFiles,
  type MarathonAuth,
  type MarathonClientOptions,
} from './options';
export type { Query, RawResponse, RequestOptions, StreamResponse } from './transport';
export type { DeploymentResult, AppInfo, MarathonEvent, GroupInfo, MarathonInfo, DeployedPod, MarathonTask } from './types';
