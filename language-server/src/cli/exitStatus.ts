/** 0 clean · 1 errors found, or more warnings than --max-warnings · 2 usage, I/O or config error. */
import type { FileResult } from './formatters/formatter';

export interface ExitStatus {
  code: 0 | 1 | 2;
  /** Why the status is not what the output alone suggests (e.g. too many warnings). */
  note?: string;
}

export function exitStatus(results: readonly FileResult[], ioErrors: number, maxWarnings: number | undefined): ExitStatus {
  let errors = 0;
  let warnings = 0;
  for (const r of results) {
    for (const d of r.diagnostics) {
      if (d.severity === 'error') errors++;
      else if (d.severity === 'warning') warnings++;
    }
  }
  if (ioErrors > 0) return { code: 2 };
  if (errors > 0) return { code: 1 };
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    return { code: 1, note: `${warnings} warning${warnings === 1 ? '' : 's'} found, more than --max-warnings ${maxWarnings} allows.` };
  }
  return { code: 0 };
}
