/** `marathon/status` after each validation: how long linting took and how much it found; or that a document is left out. */
import { StatusNotification } from '../protocol';
import type { Session } from './session';

export function sendStatus(session: Session, uri: string, validationTimeMs: number, diagnostics: number, profile?: string): void {
  void session.connection
    .sendNotification(StatusNotification.type, { uri, validationTimeMs: Math.round(validationTimeMs * 100) / 100, lastValidated: new Date().toISOString(), diagnostics, ...(profile ? { profile } : {}) })
    .catch((e) => session.log.error('marathon/status could not be sent', e));
}

/** `marathon/status` for a definition the config's `ignorePatterns` leaves out (`pattern`): not linted, nothing found. */
export function sendIgnoredStatus(session: Session, uri: string, pattern: string): void {
  void session.connection
    .sendNotification(StatusNotification.type, { uri, validationTimeMs: 0, lastValidated: new Date().toISOString(), diagnostics: 0, ignoredBy: pattern })
    .catch((e) => session.log.error('marathon/status could not be sent', e));
}
