/** textDocument/hover → features/hover, with the findings of the current version. */
import { hover } from '../features/hover';
import { featureContext } from './engine';
import { runSafe } from './runSafe';
import type { Session } from './session';

export function registerHover(session: Session): void {
  session.connection.onHover((params, token) =>
    runSafe(session.log, 'hover', null, token, () => {
      const a = session.analyze(params.textDocument.uri);
      if (!a) return null;
      return hover(a.doc, a.doc.lines.offsetAt(params.position), a.result.diagnostics, featureContext());
    }),
  );
}
