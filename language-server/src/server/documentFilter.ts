/**
 * Which documents are ours: JSON whose content looks like a Marathon app, group or pod or a Chronos job,
 * JSON whose `$schema` names one of our schemas, and files matched by `marathon.files`. Any other JSON
 * (package.json, tsconfig.json, …) gets no diagnostics at all.
 */
import { URI } from 'vscode-uri';
import type { EditorDocument } from '../features/document';
import { configFileName } from '../project/configFinder';
import { matchesGlob } from './glob';

function pathOf(uri: string): string {
  try {
    const u = URI.parse(uri);
    return u.scheme === 'file' ? u.fsPath.replace(/\\/g, '/') : u.path;
  } catch {
    return ''; // an unparsable uri can still be judged by its content
  }
}

export function matchesFilesSetting(uri: string, globs: readonly string[], roots: readonly string[]): boolean {
  const path = pathOf(uri);
  return !!path && !path.endsWith('/' + configFileName) && globs.some((g) => matchesGlob(path, g, roots));
}

export function pathEndsWithConfig(uri: string): boolean {
  return pathOf(uri).endsWith('/' + configFileName);
}

export function isMarathonDocument(doc: EditorDocument, globs: readonly string[], roots: readonly string[]): boolean {
  if (pathEndsWithConfig(doc.uri)) return false; // the lint config is not a definition
  if (matchesFilesSetting(doc.uri, globs, roots)) return true;
  return doc.kind !== 'unknown'; // core/kind: a `$schema` naming one of ours, else the shape
}
