/** textDocument/completion → features/completion over the cached document. */
import type { CompletionList } from 'vscode-languageserver';
import { complete } from '../features/completion';
import { featureContext } from './engine';
import { runSafe } from './runSafe';
import type { Session } from './session';

const empty: CompletionList = { isIncomplete: false, items: [] };

export function registerCompletion(session: Session): void {
  session.connection.onCompletion((params, token) =>
    runSafe(session.log, 'completion', empty, token, () => {
      const doc = session.marathonDocument(params.textDocument.uri) ?? session.startingDocument(params.textDocument.uri);
      if (!doc) return empty;
      return complete(doc, doc.lines.offsetAt(params.position), featureContext());
    }),
  );
}
