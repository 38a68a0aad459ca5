/**
 * The volume a "Test mount" lens names, in the document as it is now. A lens carries the pointer the volume had when
 * it was drawn, and VS Code shows the old lens until the new ones arrive: clicked after an edit, that pointer may name
 * nothing, or another app's volume (an app inserted above), and Test mount would place the volume as the wrong app.
 * The lens's volume is found again by name, driver and engine: at its pointer, else the one volume of that kind; with
 * none or several, the lens is out of date and the user is told so. Without VS Code, so a test can drive it.
 */
import type { TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { createDocument } from '@marathon-devtools/language-server/features/document';
import { findMountTargets } from '@marathon-devtools/language-server/features/testMount';

const sameVolume = (a: TestMountArgs, b: TestMountArgs) => a.volume.name === b.volume.name && a.volume.driver === b.volume.driver && a.engine === b.engine;

export function lensTargetNow(text: string, lens: TestMountArgs): { args: TestMountArgs } | { stale: string } {
  const same = findMountTargets(createDocument(lens.uri, 0, text))
    .map((t) => t.args)
    .filter((a) => sameVolume(a, lens));
  const found = same.find((a) => a.pointer === lens.pointer) ?? (same.length === 1 ? same[0] : undefined);
  if (found) return { args: found };
  return { stale: staleLensMessage(lens, same.length) };
}

/** What the user is told of a lens whose volume is found `count` times (not once, nor at its pointer) in the document now. */
export function staleLensMessage(lens: TestMountArgs, count: number): string {
  const what = `${lens.volume.name} (${lens.volume.driver || 'no driver'})`;
  const now = count === 0 ? `has no volume ${what} any more` : `has ${count} volumes ${what}, none at ${lens.pointer}`;
  return `The "Test mount" lens of volume ${lens.volume.name} is out of date: the document changed after it was drawn and ${now}. Use the lens again once it is redrawn, or put the cursor in the volume and run "Marathon: Test Mount on Agent".`;
}
