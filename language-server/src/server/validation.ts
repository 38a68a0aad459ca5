/**
 * Diagnostics, pushed (debounced `publishDiagnostics`) or pulled (`textDocument/diagnostic`) depending on
 * the client. Always for the newest version: a push whose document changed meanwhile is dropped, and a
 * pull whose request was cancelled is answered as cancelled.
 */
import { DocumentDiagnosticReportKind, LSPErrorCodes, ResponseError, type DocumentDiagnosticReport } from 'vscode-languageserver';
import type { Session } from './session';
import { toLspDiagnostic } from './toLsp';
import { sendIgnoredStatus, sendStatus } from './status';
import { pathEndsWithConfig } from './documentFilter';

/** Long enough to coalesce a burst of keystrokes, short enough to feel immediate. */
const pushDebounceMs = 150;

export class Validation {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Last (uri → version) published, to skip re-publishing identical results. */
  private readonly published = new Map<string, string>();
  /** Definitions whose status said they are ignored (uri → pattern): said once, until they are linted again. */
  private readonly ignored = new Map<string, string>();
  /**
   * The version whose marathon/status went out (uri → version): a lint made first for a hover or a code action (the
   * editor asks for them as a file opens) is cached, and its diagnostics' status is still owed once.
   */
  private readonly statused = new Map<string, number>();

  constructor(private readonly session: Session) {}

  register(): void {
    const { session } = this;
    session.connection.languages.diagnostics.on(async (params, token) => {
      const uri = params.textDocument.uri;
      // Let queued didChange/cancel notifications land first, so we validate the newest version.
      await new Promise((r) => setImmediate(r));
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const items = this.compute(uri);
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'cancelled');
      const report: DocumentDiagnosticReport = { kind: DocumentDiagnosticReportKind.Full, items };
      return report;
    });
  }

  /** Diagnostics for the newest version of `uri` (a definition's or a config's; [] for closed or other documents, or on failure). */
  compute(uri: string) {
    const { session } = this;
    try {
      // The lint config being edited: its own findings, from the unsaved text (session.ts, configDiagnostics).
      if (pathEndsWithConfig(uri)) return session.configDiagnostics(uri);
      const a = session.analyze(uri);
      if (!a) {
        this.statused.delete(uri); // linted again later, its status is owed again
        this.reportIgnored(uri);
        return [];
      }
      this.ignored.delete(uri);
      const items = a.result.diagnostics.map((d) => toLspDiagnostic(d, uri));
      if (!a.cached || this.statused.get(uri) !== a.version) {
        session.log.verbose(`validated ${uri} v${a.version} in ${a.ms.toFixed(1)} ms: ${items.length} finding(s)`);
        sendStatus(session, uri, a.ms, items.length, a.profile);
        this.statused.set(uri, a.version);
      }
      return items;
    } catch (e) {
      session.log.error(`validation of ${uri} failed`, e);
      return [];
    }
  }

  /**
   * A definition left out by ignorePatterns gets no diagnostics, and its status says why, once: without it the
   * client would keep showing the last lint of a document that is no longer linted.
   */
  private reportIgnored(uri: string): void {
    const pattern = this.session.config.ignoredBy(uri);
    if (pattern === undefined || this.ignored.get(uri) === pattern || !this.session.definitionIgnored(uri)) return;
    this.ignored.set(uri, pattern);
    sendIgnoredStatus(this.session, uri, pattern);
  }

  /** Push mode: (re)schedule validation of one document. */
  schedule(uri: string, delayMs = pushDebounceMs): void {
    if (this.session.support.pullDiagnostics) return;
    clearTimeout(this.timers.get(uri));
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        this.push(uri);
      }, delayMs),
    );
  }

  private push(uri: string): void {
    const td = this.session.documents.get(uri);
    if (!td) return; // closed while waiting
    const version = td.version;
    const items = this.compute(uri);
    // Stale: the document moved on while we computed; its own scheduled run will publish.
    if (this.session.documents.get(uri)?.version !== version) return;
    const signature = JSON.stringify(items);
    const previous = this.published.get(uri);
    // Nothing new: same findings as last time, or still nothing for a document we never reported on.
    if (previous === signature || (previous === undefined && items.length === 0)) return;
    this.published.set(uri, signature);
    void this.session.connection.sendDiagnostics({ uri, version, diagnostics: items }).catch((e) => this.session.log.error('publishDiagnostics failed', e));
  }

  closed(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.session.cache.delete(uri);
    this.ignored.delete(uri);
    this.statused.delete(uri);
    if (!this.session.support.pullDiagnostics && this.published.delete(uri)) {
      void this.session.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
    }
  }

  /** Settings or config changed: every open document again. */
  revalidateAll(): void {
    this.session.cache.clearLint();
    if (this.session.support.pullDiagnostics) {
      if (this.session.support.diagnosticRefresh) void this.session.connection.languages.diagnostics.refresh().catch((e) => this.session.log.error('diagnostic refresh failed', e));
      return;
    }
    // Publish again even when unchanged, and publish an empty list where findings vanished (a cluster went away).
    for (const uri of this.published.keys()) this.published.set(uri, '\0stale');
    for (const td of this.session.documents.all()) this.schedule(td.uri, 0);
  }
}
