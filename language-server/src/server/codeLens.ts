/** textDocument/codeLens → "Test mount" lenses (resolved up front: they are cheap). */
import type { CodeLens } from 'vscode-languageserver';
import { codeLenses } from '../features/codeLens';
import { runSafe } from './runSafe';
import type { Session } from './session';

export function registerCodeLens(session: Session): void {
  session.connection.onCodeLens((params, token) =>
    runSafe<CodeLens[]>(session.log, 'codeLens', [], token, () => {
      const doc = session.marathonDocument(params.textDocument.uri);
      return doc ? session.cache.memo(doc.uri, doc.version, 'codeLens', () => codeLenses(doc)) : [];
    }),
  );
}
