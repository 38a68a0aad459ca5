/**
 * Re-validation when what a document is judged against changes: client settings
 * (didChangeConfiguration) or a marathon-lint.config.json on disk (didChangeWatchedFiles, or didSave of the config
 * in the editor), and who shows a config's own findings when it is opened or closed in the editor.
 */
import { DidChangeConfigurationNotification, DidChangeWatchedFilesNotification } from 'vscode-languageserver';
import { configFileName } from '../project/configFinder';
import { guard } from './runSafe';
import { pathEndsWithConfig } from './documentFilter';
import type { Session } from './session';
import type { Validation } from './validation';

export function registerSettings(session: Session, validation: Validation): void {
  const { connection, log } = session;
  connection.onDidChangeConfiguration((params) =>
    guard(log, 'didChangeConfiguration', async () => {
      await session.settings.refresh(params.settings);
      validation.revalidateAll();
    }),
  );
  const configChanged = () => {
    session.config.invalidate();
    validation.revalidateAll();
  };
  // A config opened in the editor shows the edited text's findings (validation.ts); its disk read's are withdrawn
  // first (invalidate) and published again only once it is closed, for the definitions under it.
  session.documents.onDidOpen((e) =>
    guard(log, 'didOpen config', () => {
      if (!pathEndsWithConfig(e.document.uri)) return;
      session.config.invalidate();
      session.configInEditor(e.document.uri, true);
      validation.revalidateAll();
    }),
  );
  session.documents.onDidClose((e) =>
    guard(log, 'didClose config', () => {
      if (!pathEndsWithConfig(e.document.uri)) return;
      session.configInEditor(e.document.uri, false);
      configChanged();
    }),
  );
  connection.onDidChangeWatchedFiles((params) =>
    guard(log, 'didChangeWatchedFiles', () => {
      if (params.changes.some((c) => c.uri.endsWith('/' + configFileName))) configChanged();
    }),
  );
  // Clients that watch no files (Neovim 0.7; later ones on Linux by default) never send the above: a config the user
  // fixed and saved in the editor was not read again until the server restarted.
  session.documents.onDidSave((e) =>
    guard(log, 'didSave', () => {
      if (pathEndsWithConfig(e.document.uri)) configChanged();
    }),
  );
}

/** After `initialized`: ask for the notifications the client can register dynamically. */
export async function registerDynamic(session: Session): Promise<void> {
  const { connection, support } = session;
  if (support.configurationDynamic) await connection.client.register(DidChangeConfigurationNotification.type, { section: 'marathon' });
  if (support.watchedFilesDynamic) await connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: `**/${configFileName}` }] });
}
