/** Engine findings → LSP diagnostics: code = rule id, codeDescription = docs link, source "marathon". */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/types';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: severities[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    codeDescription: d.docsUrl ? { href: d.docsUrl } : undefined,
    source: 'marathon',
    message: d.message,
    data: { pointer: d.pointer },
  };
}
