/** The log channel: the only place stack traces go. Verbosity follows `marathon.trace.server`. */
import type { Connection } from 'vscode-languageserver';

export interface Logger {
  error(msg: string, e?: unknown): void;
  info(msg: string): void;
  verbose(msg: string): void;
  setVerbose(on: boolean): void;
}

export function createLogger(connection: Connection): Logger {
  let verbose = false;
  return {
    error: (msg, e) => connection.console.error(e === undefined ? msg : `${msg}: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
    info: (msg) => connection.console.info(msg),
    verbose: (msg) => {
      if (verbose) connection.console.log(msg);
    },
    setVerbose: (on) => {
      verbose = on;
    },
  };
}
