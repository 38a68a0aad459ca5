/** Go to definition: from an id in `dependencies` to the app (or group) with that id in the same file. */
import type { Location } from 'vscode-languageserver-types';
import { collectApps, joinPointer, resolveId } from '../model/documentModel';
import type { EditorDocument } from './document';
import { findNode, fromPointer, nodeAtOffset, pathOf, propertyOf } from './jsonTree';
import { nodeRange } from './ranges';

export function definition(doc: EditorDocument, offset: number): Location[] {
  const node = nodeAtOffset(doc.tree, offset);
  if (node?.type !== 'string' || node.parent?.type !== 'array') return [];
  const path = pathOf(node);
  if (path[path.length - 2] !== 'dependencies') return [];
  const apps = collectApps(doc.value, doc.kind);
  // The app holding this dependencies array: its pointer is the prefix of the path.
  const ownerPath = path.slice(0, -2);
  const owner = apps.find((a) => a.pointer === joinPointer('', ...ownerPath));
  const base = owner?.groupId ?? '/';
  const target = resolveId(String(node.value), base);
  const hit = apps.find((a) => a.absoluteId === target);
  if (!hit) return [];
  const appNode = findNode(doc.tree, fromPointer(hit.pointer));
  if (!appNode) return [];
  const idProp = propertyOf(appNode, 'id');
  return [{ uri: doc.uri, range: nodeRange(doc, idProp ?? appNode) }];
}
