/**
 * `--format github`: GitHub Actions workflow commands, which the runner turns into annotations on the
 * pull request's diff. Positions are 1-based; the end column is exclusive in LSP, inclusive for GitHub.
 * Files are named relative to the repository root in GitHub Actions (repositoryPath.ts), as annotations need.
 * Escaping follows the runner's own rules (actions/toolkit `command.ts`): data escapes % \r \n,
 * property values additionally escape : and , because those delimit the properties.
 */
import type { Formatter } from './formatter';
import type { Severity } from '../../core/types';
import { repositoryRelative } from './repositoryPath';

const command: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export const github: Formatter = {
  format(results, ctx) {
    const lines: string[] = [];
    for (const r of results) {
      for (const d of r.diagnostics) {
        const { start, end } = d.range;
        const props = [
          `file=${escapeProperty(repositoryRelative(r.file, ctx) ?? r.file)}`,
          `line=${start.line + 1}`,
          `col=${start.character + 1}`,
          `endLine=${end.line + 1}`,
          `endColumn=${Math.max(end.character, start.line === end.line ? start.character + 1 : 1)}`,
          `title=${escapeProperty(d.ruleId)}`,
        ];
        lines.push(`::${command[d.severity]} ${props.join(',')}::${escapeData(d.message)}`);
      }
    }
    return lines.length > 0 ? lines.join('\n') + '\n' : '';
  },
};
