/**
 * Quick fixes: one code action per fixable finding in the requested range. The engine computes the
 * edits (pointer edits → text edits via its `fixToTextEdits`); this only packages them for LSP.
 */
import { CodeActionKind, type CodeAction, type Diagnostic as LspDiagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Diagnostic, Fix } from '../core/types';
import { rangesOverlap } from './ranges';

export type FixToTextEdits = (text: string, fix: Fix) => TextEdit[];

export function codeActions(
  uri: string,
  text: string,
  range: Range,
  findings: readonly Diagnostic[],
  toLsp: (d: Diagnostic) => LspDiagnostic,
  fixToTextEdits: FixToTextEdits,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const d of findings) {
    if (!d.fix || !rangesOverlap(d.range, range)) continue;
    let edits: TextEdit[];
    try {
      edits = fixToTextEdits(text, d.fix);
    } catch {
      continue; // a fix the engine cannot place is not offered (the finding still shows)
    }
    if (edits.length === 0) continue;
    actions.push({
      title: d.fix.title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [toLsp(d)],
      isPreferred: true,
      edit: { changes: { [uri]: edits } },
    });
  }
  return actions;
}
