/**
 * Which documents are ours: JSON whose content looks like a Marathon app, group or pod or a Chronos job,
 * JSON whose `$schema` names one of our schemas, and files matched by `marathon.files`. Any other JSON
 * (package.json, tsconfig.json, …) gets no diagnostics at all.
 */
import { URI } from 'vscode-uri';
import type { MarathonDocument } from '../features/document';
import { kindFromSchemaRef } from '../features/documentKind';
import { isObject } from '../core/documentModel';
import { configFileName } from './projectConfig';
import { matchesGlob } from './glob';

export function isMarathonDocument(doc: MarathonDocument, globs: readonly string[], roots: readonly string[]): boolean {
  let path = '';
  try {
    const u = URI.parse(doc.uri);
    path = u.scheme === 'file' ? u.fsPath.replace(/\\/g, '/') : u.path;
  } catch {
    // an unparsable uri can still be judged by its content
  }
  if (path.endsWith('/' + configFileName)) return false; // the lint config is not a definition
  if (path && globs.some((g) => matchesGlob(path, g, roots))) return true;
  if (isObject(doc.value) && kindFromSchemaRef(doc.value.$schema)) return true;
  return doc.kind !== 'unknown';
}
