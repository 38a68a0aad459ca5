/**
 * Engine findings → LSP diagnostics: code = rule id, codeDescription = docs link, source "marathon"; a finding's
 * related places (where a syntax error's parser gave up) are relatedInformation in the same document `uri`.
 */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver';
import type { Diagnostic } from '../core/types';

const severities = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, info: DiagnosticSeverity.Information } as const;

export function toLspDiagnostic(d: Diagnostic, uri: string): LspDiagnostic {
  const out: LspDiagnostic = {
    range: d.range,
    severity: severities[d.severity] ?? DiagnosticSeverity.Warning,
    code: d.ruleId,
    codeDescription: d.docsUrl ? { href: d.docsUrl } : undefined,
    source: 'marathon',
    message: d.message,
    data: { pointer: d.pointer },
  };
  if (d.related?.length) out.relatedInformation = d.related.map((r) => ({ location: { uri, range: r.range }, message: r.message }));
  return out;
}
