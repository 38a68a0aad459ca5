/** Entry point of the mount machinery for the transport: the runner and the embedded local driver. */
export { createDryRunner, DEFAULT_TIMEOUTS } from './runner';
export { startLocalDriver } from '../local-driver/server';
export type * from './contract';
