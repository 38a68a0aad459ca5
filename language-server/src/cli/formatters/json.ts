/**
 * `--format json`: a contract other tools parse. Exactly these keys, in this order, 0-based positions;
 * engine-only fields (docsUrl, fix) are deliberately left out so the shape never drifts.
 */
import type { Formatter } from './formatter';
import { withoutRunnerCommands } from '../runnerCommands';

export const json: Formatter = {
  format(results) {
    const out = results.map((r) => ({
      file: r.file,
      kind: r.kind,
      diagnostics: r.diagnostics.map((d) => ({
        ruleId: d.ruleId,
        severity: d.severity,
        message: d.message,
        pointer: d.pointer,
        range: {
          start: { line: d.range.start.line, character: d.range.start.character },
          end: { line: d.range.end.line, character: d.range.end.character },
        },
      })),
    }));
    return withoutRunnerCommands(JSON.stringify(out)) + '\n';
  },
};
