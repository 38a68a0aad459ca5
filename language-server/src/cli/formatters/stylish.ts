/**
 * `--format stylish` (default): one line per finding, `file:line:col  severity  message  rule-id`,
 * 1-based like every editor's "go to line", then one summary line. Terminals make the location clickable.
 */
import type { Formatter } from './formatter';
import type { Severity } from '../../core/types';
import { printable } from '../printable';

const ansi = { red: '\x1b[31m', yellow: '\x1b[33m', blue: '\x1b[34m', dim: '\x1b[2m', bold: '\x1b[1m', reset: '\x1b[0m' };
const severityColor: Record<Severity, string> = { error: ansi.red, warning: ansi.yellow, info: ansi.blue };

export const stylish: Formatter = {
  format(results, { color, profiles, inputErrors, configsChecked = 0, ignoredNamed = 0, ignoredFound = 0 }) {
    const paint = (code: string, s: string) => (color ? code + s + ansi.reset : s);
    const lines: string[] = [];
    const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
    let filesWithProblems = 0;
    for (const r of results) {
      if (r.diagnostics.length > 0) filesWithProblems++;
      for (const d of r.diagnostics) {
        counts[d.severity]++;
        const where = `${shownPath(r.file)}:${d.range.start.line + 1}:${d.range.start.character + 1}`;
        // One finding per line keeps the output grep-able even when a message spans several lines; other control
        // characters (from keys or values the message quotes) are shown escaped.
        const message = printable(d.message.replace(/\s*\r?\n\s*/g, ' '));
        lines.push(`${paint(ansi.bold, where)}  ${paint(severityColor[d.severity], d.severity)}  ${message}  ${paint(ansi.dim, d.ruleId)}`);
      }
    }
    const errors = inputErrors?.length ?? 0;
    // The errors come after this line, on stderr: "No problems found in 0 files." alone read as a clean run when a
    // config error or a missing path kept everything from being linted.
    if (results.length + configsChecked === 0 && errors > 0) lines.push(`Nothing linted: ${plural(errors, 'error')} (on stderr).`);
    else if (results.length + configsChecked === 0 && ignoredNamed > 0) lines.push(`Nothing linted: ignorePatterns leave out ${plural(ignoredNamed, 'file')} named (on stderr).`);
    // "No problems found in 0 files." read as a clean run of a directory whose files the config leaves out.
    else if (results.length + configsChecked === 0 && ignoredFound > 0) lines.push(`Nothing linted: ignorePatterns leave out every file found (${plural(ignoredFound, 'file')}).`);
    else lines.push(summary(results.length + configsChecked, counts, filesWithProblems, paint) + (errors > 0 ? ` ${plural(errors, 'error')} (on stderr) kept other inputs from being linted.` : ''));
    for (const p of profiles ?? []) lines.push(p.summary);
    return lines.join('\n') + '\n';
  },
};

function summary(
  fileCount: number,
  counts: Record<Severity, number>,
  filesWithProblems: number,
  paint: (code: string, s: string) => string,
): string {
  const files = plural(fileCount, 'file');
  const total = counts.error + counts.warning + counts.info;
  if (total === 0) return `No problems found in ${files}.`;
  const parts = [plural(counts.error, 'error'), plural(counts.warning, 'warning')];
  if (counts.info > 0) parts.push(plural(counts.info, 'info'));
  const line = `${plural(total, 'problem')} (${parts.join(', ')}) in ${filesWithProblems} of ${files}.`;
  return paint(counts.error > 0 ? ansi.red : ansi.yellow, line);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 || word === 'info' ? '' : 's'}`;
}

/**
 * The file as the line's first word. A line starting with "::" (after blanks) is a command to the GitHub Actions
 * runner (runnerCommands.ts): a file at the top of the checkout named "::warning::x.json" is written ./::warning::x.json,
 * the same file, still a path a terminal can open.
 */
function shownPath(file: string): string {
  const shown = printable(file);
  return /^\s*::/.test(shown) ? `./${shown}` : shown;
}
