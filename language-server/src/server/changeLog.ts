/**
 * The edits between document versions, in offsets, recorded as `TextDocuments` applies them, so the
 * editor tree can follow an edit instead of re-parsing a 1 MB document (features/incrementalTree.ts).
 * `TextDocuments` only reports the resulting document; this hooks its update function to see the changes.
 */
import type { TextDocumentContentChangeEvent, TextDocumentsConfiguration } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextChange } from '../features/incrementalTree';

/** Beyond this many edits since the last tree, one full parse is cheaper than replaying them. */
const maxPending = 64;

interface Pending {
  fromVersion: number;
  toVersion: number;
  changes: TextChange[];
}

export class ChangeLog {
  private readonly pending = new Map<string, Pending | null>();

  /** The `TextDocuments` configuration that records every incremental change. */
  readonly documentsConfig: TextDocumentsConfiguration<TextDocument> = {
    create: (uri, languageId, version, text) => {
      this.pending.delete(uri);
      return TextDocument.create(uri, languageId, version, text);
    },
    update: (doc, changes, version) => {
      const log = this.logFor(doc.uri, doc.version);
      for (const c of changes) {
        if (log && 'range' in c) {
          const offset = doc.offsetAt(c.range.start);
          log.changes.push({ offset, deleteLength: doc.offsetAt(c.range.end) - offset, text: c.text });
        } else this.pending.set(doc.uri, null); // a full-text change: nothing to follow
        // One change at a time: each range is in terms of the text after the previous one.
        TextDocument.update(doc, [c as TextDocumentContentChangeEvent], version);
      }
      const after = this.pending.get(doc.uri);
      if (after) after.toVersion = version;
      return doc;
    },
  };

  private logFor(uri: string, version: number): Pending | undefined {
    let p = this.pending.get(uri);
    if (p === null) return undefined;
    if (!p || p.toVersion !== version || p.changes.length >= maxPending) {
      // Nobody asked for a tree since: start again from this version (the cache then parses in full).
      p = { fromVersion: version, toVersion: version, changes: [] };
      this.pending.set(uri, p);
    }
    return p;
  }

  /** The changes that lead from `fromVersion` to `toVersion`, if they were all recorded. */
  since(uri: string, fromVersion: number, toVersion: number): readonly TextChange[] | undefined {
    const p = this.pending.get(uri);
    if (!p || p.fromVersion !== fromVersion || p.toVersion !== toVersion) return undefined;
    return p.changes;
  }

  /** A tree now exists for `version`: later edits are recorded from there. */
  mark(uri: string, version: number): void {
    this.pending.set(uri, { fromVersion: version, toVersion: version, changes: [] });
  }

  delete(uri: string): void {
    this.pending.delete(uri);
  }
}
