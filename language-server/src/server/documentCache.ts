/**
 * One parse and one lint per (uri, version), shared by every handler (after VS Code's languageModelCache):
 * completion, hover, code actions and lenses reuse what validation computed.
 */
import { createDocument, type MarathonDocument } from '../features/document';
import type { LintResult } from '../core/types';

interface Entry {
  version: number;
  doc?: MarathonDocument;
  lint?: { result: LintResult; ms: number; profileKey: string };
}

export class DocumentCache {
  private readonly entries = new Map<string, Entry>();

  private entry(uri: string, version: number): Entry {
    let e = this.entries.get(uri);
    if (!e || e.version !== version) {
      e = { version };
      this.entries.set(uri, e);
    }
    return e;
  }

  document(uri: string, version: number, text: () => string): MarathonDocument {
    const e = this.entry(uri, version);
    e.doc ??= createDocument(uri, version, text());
    return e.doc;
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
  }

  clearLint(): void {
    for (const e of this.entries.values()) e.lint = undefined;
  }
}
