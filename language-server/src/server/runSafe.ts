/**
 * Every handler goes through here: a failing feature answers with an empty result and a log line
 * (stack trace in the log channel only), never an exception that would kill the server or reach the user.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken } from 'vscode-languageserver';
import type { Logger } from './logger';

export function runSafe<T>(log: Logger, what: string, empty: T, token: CancellationToken | undefined, fn: () => T): T | ResponseError<void> {
  if (token?.isCancellationRequested) return new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
  try {
    return fn();
  } catch (e) {
    log.error(`${what} failed`, e);
    return empty;
  }
}

/** For notifications (no response): log and carry on. */
export function guard(log: Logger, what: string, fn: () => unknown): void {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((e) => log.error(`${what} failed`, e));
  } catch (e) {
    log.error(`${what} failed`, e);
  }
}
