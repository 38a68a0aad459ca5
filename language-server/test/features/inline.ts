/**
 * Inline documents for feature tests (after vscode-json-languageservice's tests): the text is written in
 * the test, and a `|` marks the cursor. The feature context is the one the server uses, so completion and
 * hover read the real bundled schemas and drivers.
 */
import { createDocument, type EditorDocument } from '../../src/features/document';
import { featureContext } from '../../src/server/engine';

export const ctx = featureContext();

/** The document without the marker, and the marker's offset (-1 when there is none). */
export function at(text: string, uri = 'file:///w/app.json'): { doc: EditorDocument; offset: number } {
  const offset = text.indexOf('|');
  return { doc: createDocument(uri, 1, offset < 0 ? text : text.slice(0, offset) + text.slice(offset + 1)), offset };
}

/** Single quotes for JSON's double quotes, so tables of documents stay readable. */
export const json = (s: string): string => s.replace(/'/g, '"');
