/**
 * Server state shared by the handlers: open documents, the per-version cache, settings and the project
 * config. `analyze` is the one path from an open document to its findings; every handler goes through it.
 */
import { DiagnosticSeverity, MessageType, ShowMessageNotification, type Connection, type Diagnostic as LspDiagnostic, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { EditorDocument } from '../features/document';
import type { LintResult } from '../core/types';
import type { ChangeLog } from './changeLog';
import { DocumentCache } from './documentCache';
import { isMarathonDocument, matchesFilesSetting, pathEndsWithConfig } from './documentFilter';
import { configTextFindings, lintDocument } from './engine';
import { toLspDiagnostic } from './toLsp';
import type { Logger } from './logger';
import { ProjectConfig } from './projectConfig';
import { applySettings, SettingsStore } from './settings';
import type { LiveCluster } from './clusterLink';
import { clusterProfile, lintInCluster } from './clusterLint';

export interface ClientSupport {
  pullDiagnostics: boolean;
  diagnosticRefresh: boolean;
  configurationPull: boolean;
  watchedFilesDynamic: boolean;
  configurationDynamic: boolean;
}

export interface Analysis {
  version: number;
  /** The editor tree, built on first access: validation itself must never touch it (≈50 ms on 1 MB). */
  readonly doc: EditorDocument;
  result: LintResult;
  ms: number;
  cached: boolean;
  /** With a cluster: the profile line (which values came from where). */
  profile?: string;
}

export class Session {
  readonly cache: DocumentCache;
  readonly config: ProjectConfig;
  readonly settings: SettingsStore;
  roots: string[] = [];
  /** The live cluster (clusterLink.ts), set by main.ts; without a copy documents are linted offline. */
  cluster: { live(): LiveCluster | undefined } | undefined;
  /**
   * Paths of the marathon-lint.config.json files open in the editor. Their diagnostics are the edited text's
   * (configDiagnostics); the disk read's (projectConfig.ts) would replace them on every save, so it publishes none.
   */
  private readonly configsInEditor = new Set<string>();
  support: ClientSupport = { pullDiagnostics: false, diagnosticRefresh: false, configurationPull: false, watchedFilesDynamic: false, configurationDynamic: false };

  constructor(
    readonly connection: Connection,
    readonly documents: TextDocuments<TextDocument>,
    readonly log: Logger,
    changes?: ChangeLog,
  ) {
    this.cache = new DocumentCache(changes);
    this.config = new ProjectConfig(log, (configUri, diagnostics) => this.reportConfig(configUri, diagnostics));
    this.settings = new SettingsStore(connection, log, () => this.support.configurationPull);
  }

  /**
   * A config's problems: on the config file in the Problems list (positions included), and, when one of them
   * is an error, once as a message, since the documents under it are meanwhile linted with defaults. Each error's
   * message already says so (projectConfig.ts), so the notification adds only where it is and how many more.
   */
  private reportConfig(configUri: string, diagnostics: LspDiagnostic[]): void {
    if (!this.configsInEditor.has(fsPathOf(configUri)))
      void this.connection.sendDiagnostics({ uri: configUri, diagnostics }).catch((e) => this.log.error('publishDiagnostics failed', e));
    const errors = diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
    if (errors.length === 0) return;
    const name = URI.parse(configUri).fsPath;
    const more = errors.length > 1 ? ` (${errors.length - 1} more problem${errors.length > 2 ? 's' : ''} in this file.)` : '';
    const line = errors[0].range.start.line + 1;
    // A notification (window/showMessage), not the request: nothing to answer, and every client supports it.
    const message = `${name}:${line}: ${errors[0].message}${more}`;
    void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message }).catch(() => undefined);
  }

  /** The editor opened (true) or closed a marathon-lint.config.json: who publishes its diagnostics changes. */
  configInEditor(uri: string, open: boolean): void {
    const path = fsPathOf(uri);
    if (open) this.configsInEditor.add(path);
    else this.configsInEditor.delete(path);
  }

  /** A config open in the editor: its own findings for the newest text, as marathon-lint gives them for that file. */
  configDiagnostics(uri: string): LspDiagnostic[] {
    const td = this.documents.get(uri);
    if (!td) return [];
    return this.cache.memo(uri, td.version, 'config', () => configTextFindings(td.getText()).map((d) => toLspDiagnostic(d, uri)));
  }

  setRoots(uris: (string | null | undefined)[]): void {
    this.roots = [];
    for (const u of uris) {
      if (!u) continue;
      try {
        this.roots.push(URI.parse(u).fsPath.replace(/\\/g, '/'));
      } catch {
        this.log.error(`ignoring an unparsable workspace folder uri: ${u}`);
      }
    }
  }

  /** The parsed document for an open uri; undefined for a closed (or never opened) one. */
  document(uri: string): EditorDocument | undefined {
    const td = this.documents.get(uri);
    if (!td) return undefined;
    // td's line offsets are kept up to date incrementally; handlers are synchronous, so it is this version's.
    return this.cache.document(uri, td.version, () => td.getText(), td);
  }

  /** The document if it is a Marathon/Chronos definition (by shape, `$schema` or `marathon.files`) not left out by ignorePatterns. */
  marathonDocument(uri: string): EditorDocument | undefined {
    const doc = this.document(uri);
    if (!doc || this.config.ignoredBy(uri) !== undefined) return undefined;
    return isMarathonDocument(doc, this.settings.settings.files ?? [], this.roots) ? doc : undefined;
  }

  /** An open document that would be a definition (as marathonDocument judges it) were ignorePatterns not leaving it out. */
  definitionIgnored(uri: string): boolean {
    const doc = this.document(uri);
    return !!doc && this.config.ignoredBy(uri) !== undefined && isMarathonDocument(doc, this.settings.settings.files ?? [], this.roots);
  }

  /**
   * A document still being started: blank, `{}` or only a `$schema`. Not a definition yet (no diagnostics),
   * but completion offers it skeletons of each kind and our schemas, so a new file can get going.
   */
  startingDocument(uri: string): EditorDocument | undefined {
    const doc = this.document(uri);
    if (!doc || pathEndsWithConfig(uri)) return undefined;
    const v = doc.value;
    if (doc.text.trim() === '' || (typeof v === 'object' && v !== null && !Array.isArray(v) && Object.keys(v).every((k) => k === '$schema'))) return doc;
    return undefined;
  }

  /**
   * Lint of the newest version of an open Marathon document (cached per version and profile).
   * Validation needs no editor tree: the engine parses once, and its verdict on the kind decides whether
   * the document is ours; the tolerant tree is built only when a feature asks for `doc`.
   */
  analyze(uri: string): Analysis | undefined {
    const td = this.documents.get(uri);
    // Left out by the config's ignorePatterns: no findings, as the CLI lints nothing of it.
    if (!td || this.config.ignoredBy(uri) !== undefined) return undefined;
    const text = td.getText();
    const live = this.cluster?.live();
    const configProfile = this.config.profileFor(uri);
    const judged = live ? clusterProfile(configProfile, this.config.hasConfigFile(uri), this.settings.settings, live) : undefined;
    const profile = judged?.profile ?? applySettings(configProfile, this.settings.settings);
    const key = live ? `${JSON.stringify(profile)}\0${live.generation}` : JSON.stringify(profile);
    // The engine decides the kind (core/kind.ts: `$schema`, else the shape), exactly as for the CLI.
    const r = this.cache.lint(uri, td.version, key, () => (live ? lintInCluster(text, profile, uri, live.snapshot.rootGroup) : lintDocument(text, profile, uri)));
    if (r.result.kind === 'unknown' && !matchesFilesSetting(uri, this.settings.settings.files ?? [], this.roots)) return undefined;
    const session = this;
    const version = td.version;
    return {
      ...r,
      version,
      profile: judged?.summary,
      get doc() {
        return session.cache.document(uri, version, () => text, td.version === version ? td : undefined);
      },
    };
  }
}

/** The file a uri names ('' for an unparsable one), to match the disk read's uris with the editor's. */
function fsPathOf(uri: string): string {
  try {
    return URI.parse(uri).fsPath;
  } catch {
    return '';
  }
}
