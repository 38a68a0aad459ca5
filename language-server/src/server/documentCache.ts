/**
 * One parse, one lint and one outline per (uri, version), shared by every handler (after VS Code's languageModelCache):
 * completion, hover, code actions and lenses reuse what validation computed. A new version's editor tree
 * is the previous one updated by the recorded edits when there are any (changeLog.ts).
 */
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { createDocument, updateDocument, type EditorDocument } from '../features/document';
import type { LintResult } from '../core/types';
import type { ChangeLog } from './changeLog';

interface Entry {
  version: number;
  doc?: EditorDocument;
  lint?: { result: LintResult; ms: number; profileKey: string };
  /** Feature results that depend on this version's text only (code lenses, symbols). */
  features?: Map<string, unknown>;
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();
  /** The newest editor tree per uri, whatever its version: the starting point for the next one. */
  private readonly trees = new Map<string, EditorDocument>();

  constructor(private readonly changes?: ChangeLog) {}

  private entry(uri: string, version: number): Entry {
    let e = this.entries.get(uri);
    if (!e || e.version !== version) {
      e = { version };
      this.entries.set(uri, e);
    }
    return e;
  }

  /** `lines`, when given, must hold exactly this version's text for as long as the result is used. */
  document(uri: string, version: number, text: () => string, lines?: TextDocument): EditorDocument {
    const e = this.entry(uri, version);
    if (!e.doc) {
      const prev = this.trees.get(uri);
      const edits = prev && this.changes?.since(uri, prev.version, version);
      e.doc = prev && edits ? updateDocument(prev, version, text(), edits, lines) : createDocument(uri, version, text(), lines);
      this.trees.set(uri, e.doc);
      this.changes?.mark(uri, version);
    }
    return e.doc;
  }

  /**
   * A feature's answer for this version, computed once: editors ask again for the same version (outline,
   * breadcrumbs and sticky scroll all request symbols), and a 1,000-app outline costs milliseconds.
   */
  memo<T>(uri: string, version: number, feature: string, compute: () => T): T {
    const e = this.entry(uri, version);
    e.features ??= new Map();
    if (!e.features.has(feature)) e.features.set(feature, compute());
    return e.features.get(feature) as T;
  }

  /** Cached lint result, recomputed when the profile changed (settings or config file). */
  lint(uri: string, version: number, profileKey: string, run: () => LintResult): { result: LintResult; ms: number; cached: boolean } {
    const e = this.entry(uri, version);
    if (e.lint && e.lint.profileKey === profileKey) return { ...e.lint, cached: true };
    const t0 = performance.now();
    const result = run();
    e.lint = { result, ms: performance.now() - t0, profileKey };
    return { ...e.lint, cached: false };
  }

  peekLint(uri: string, version: number): LintResult | undefined {
    const e = this.entries.get(uri);
    return e && e.version === version ? e.lint?.result : undefined;
  }

  delete(uri: string): void {
    this.entries.delete(uri);
    this.trees.delete(uri);
    this.changes?.delete(uri);
  }

  clearLint(): void {
    for (const e of this.entries.values()) e.lint = undefined;
  }
}
