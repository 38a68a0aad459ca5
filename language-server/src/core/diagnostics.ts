/**
 * Findings → Diagnostics: one position pass for all findings that need one, docs links, sorting.
 * This is the only place positions are computed, so a valid document never pays for them.
 */
import { ruleDocsUrl } from './rule';
import type { Finding } from './finding';
import type { LineIndex } from './lineIndex';
import type { ParsedDocument } from './parse';
import { resolveRanges } from './positions';
import type { Diagnostic, Range } from './types';

export function toDiagnostics(text: string, lines: () => LineIndex, findings: readonly Finding[]): Diagnostic[] {
  if (findings.length === 0) return [];
  const index = lines();
  const needRange = findings.filter((f) => !f.span);
  const resolved = resolveRanges(text, index, needRange);
  const byFinding = new Map<Finding, Range>(needRange.map((f, i) => [f, resolved[i]]));
  const out = findings.map((f): Diagnostic => {
    const range = f.span
      ? { start: index.positionAt(f.span.offset), end: index.positionAt(f.span.offset + f.span.length) }
      : byFinding.get(f)!;
    const d: Diagnostic = { ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: f.pointer, range, docsUrl: ruleDocsUrl(f.ruleId) };
    if (f.fix) d.fix = f.fix;
    if (f.related) d.related = f.related.map((r) => ({ range: { start: index.positionAt(r.offset), end: index.positionAt(r.offset + r.length) }, message: r.message }));
    return d;
  });
  // Stable sort by position: findings at the same place keep the pipeline's (and rule list's) order.
  return out.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}

/** Convenience for a parsed document. */
export function diagnosticsFor(doc: ParsedDocument, findings: readonly Finding[]): Diagnostic[] {
  return toDiagnostics(doc.text, doc.lines, findings);
}
