/**
 * `marathon.testMount` run without the lens's argument (a keybinding, the palette): the volume at the cursor of the
 * active editor (testMountTarget.ts), a pick when several fit, or a message saying what is needed. Never silent.
 */
import * as vscode from 'vscode';
import type { TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { testMountTargetAt } from './testMountTarget';

export async function testMountArgsFromEditor(): Promise<TestMountArgs | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    void vscode.window.showInformationMessage('Test mount tests a volume of the definition in the editor: open a Marathon app or Chronos job with an external volume, put the cursor in it and run "Marathon: Test Mount on Agent" again, or click the "Test mount" lens above the volume.');
    return undefined;
  }
  const doc = editor.document;
  const t = testMountTargetAt(doc.uri.toString(), doc.getText(), doc.offsetAt(editor.selection.active));
  if ('args' in t) return t.args;
  if ('none' in t) {
    void vscode.window.showInformationMessage(t.none);
    return undefined;
  }
  const items = t.choose.map((args) => ({ label: `${args.volume.name || '(unnamed)'} (${args.volume.driver || 'no driver'})`, description: args.pointer, args }));
  const pick = await vscode.window.showQuickPick(items, { title: `Marathon: Test mount which volume? (${t.why})` });
  return pick?.args;
}
