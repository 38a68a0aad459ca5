/**
 * Structured logs: one JSON object per line on stderr, so journald / a log shipper can parse them and stdout
 * stays free for the one machine-readable "listening" line. Callers pass fields, never secrets: the logger
 * has no way to know what a token looks like, so the rule is enforced where tokens live (security/tokens.ts
 * only ever hands out the token's *name*).
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface EventLog {
  log(level: LogLevel, event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
}

export interface LogSink {
  write(line: string): unknown;
}

export function createEventLog(sink: LogSink = process.stderr, clock: () => Date = () => new Date()): EventLog {
  const log = (level: LogLevel, event: string, fields: Record<string, unknown> = {}) => {
    let line: string;
    try {
      line = JSON.stringify({ ts: clock().toISOString(), level, event, ...fields });
    } catch {
      // A field that cannot be serialised (cycle, BigInt) must not take the service down with it.
      line = JSON.stringify({ ts: clock().toISOString(), level, event, note: 'fields were not serialisable' });
    }
    sink.write(line + '\n');
  };
  return {
    log,
    info: (e, f) => log('info', e, f),
    warn: (e, f) => log('warn', e, f),
    error: (e, f) => log('error', e, f),
  };
}

/** Keeps log lines bounded when a field echoes client input (a 1 MiB volume name must not become a 1 MiB line). */
export function clip(value: unknown, max = 200): unknown {
  if (typeof value !== 'string') return value;
  return value.length <= max ? value : `${value.slice(0, max)}…(${value.length} chars)`;
}
