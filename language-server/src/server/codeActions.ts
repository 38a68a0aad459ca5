/** textDocument/codeAction → quick fixes from the engine's fixes for findings in range. */
import type { CodeAction } from 'vscode-languageserver';
import { codeActions } from '../features/codeActions';
import { fixToTextEdits } from './engine';
import { runSafe } from './runSafe';
import type { Session } from './session';
import { toLspDiagnostic } from './toLsp';

export function registerCodeActions(session: Session): void {
  session.connection.onCodeAction((params, token) =>
    runSafe<CodeAction[]>(session.log, 'codeAction', [], token, () => {
      const only = params.context.only;
      if (only && !only.some((k) => k === 'quickfix' || 'quickfix'.startsWith(k + '.') || k === '')) return [];
      const a = session.analyze(params.textDocument.uri);
      if (!a) return [];
      return codeActions(a.doc.uri, a.doc.text, params.range, a.result.diagnostics, (d) => toLspDiagnostic(d, a.doc.uri), fixToTextEdits);
    }),
  );
}
