/** "Test mount" lenses: one per external volume and per DVDI_VOLUME_NAME* env var. */
import type { CodeLens } from 'vscode-languageserver-types';
import { TestMountCommand } from '../protocol';
import type { EditorDocument } from './document';
import { findNode, fromPointer, propertyOf } from './jsonTree';
import { findMountTargets } from './testMount';
import { nodeRange } from './ranges';

export function codeLenses(doc: EditorDocument): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const target of findMountTargets(doc)) {
    const path = fromPointer(target.pointer);
    // Anchor on the property key ("external" / "DVDI_VOLUME_NAME"), where a reader looks.
    const parent = findNode(doc.tree, path.slice(0, -1));
    const prop = propertyOf(parent, String(path[path.length - 1]));
    const anchor = prop?.children?.[0] ?? findNode(doc.tree, path);
    if (!anchor) continue;
    const v = target.args.volume;
    lenses.push({
      range: nodeRange(doc, anchor),
      command: { title: `Test mount ${v.name || '(unnamed)'} (${v.driver || 'no driver'})`, command: TestMountCommand.id, arguments: [target.args] },
    });
  }
  return lenses;
}
