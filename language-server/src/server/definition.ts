/** textDocument/definition → from a `dependencies` id to that app in the same file. */
import type { Location } from 'vscode-languageserver';
import { definition } from '../features/definition';
import { runSafe } from './runSafe';
import type { Session } from './session';

export function registerDefinition(session: Session): void {
  session.connection.onDefinition((params, token) =>
    runSafe<Location[]>(session.log, 'definition', [], token, () => {
      const doc = session.marathonDocument(params.textDocument.uri);
      return doc ? definition(doc, doc.lines.offsetAt(params.position)) : [];
    }),
  );
}
