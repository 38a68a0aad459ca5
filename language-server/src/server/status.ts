/** `marathon/status` after each validation: how long linting took and how much it found. */
import { StatusNotification } from '../protocol';
import type { Session } from './session';

export function sendStatus(session: Session, uri: string, validationTimeMs: number, diagnostics: number, profile?: string): void {
  void session.connection
    .sendNotification(StatusNotification.type, { uri, validationTimeMs: Math.round(validationTimeMs * 100) / 100, lastValidated: new Date().toISOString(), diagnostics, ...(profile ? { profile } : {}) })
    .catch((e) => session.log.error('marathon/status could not be sent', e));
}
