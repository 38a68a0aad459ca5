/** textDocument/documentSymbol → groups, apps, containers, volumes. */
import type { DocumentSymbol } from 'vscode-languageserver';
import { documentSymbols } from '../features/symbols';
import { runSafe } from './runSafe';
import type { Session } from './session';

export function registerSymbols(session: Session): void {
  session.connection.onDocumentSymbol((params, token) =>
    runSafe<DocumentSymbol[]>(session.log, 'documentSymbol', [], token, () => {
      const doc = session.marathonDocument(params.textDocument.uri);
      return doc ? session.cache.memo(doc.uri, doc.version, 'documentSymbol', () => documentSymbols(doc)) : [];
    }),
  );
}
