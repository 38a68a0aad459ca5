/**
 * What `marathon.testMount` tests when it is run without the lens's argument (a keybinding, the palette): the volume
 * under the cursor, else the one volume of the app under the cursor, else the document's only volume; several
 * candidates are offered to choose from, none is said with what Test mount needs. The volumes are the lenses' own
 * (features/testMount.ts: external volumes, DVDI_VOLUME_NAME* env vars, Docker volume parameters). Without VS Code,
 * so a test can drive it.
 */
import type { TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { createDocument } from '@marathon-devtools/language-server/features/document';
import { findMountTargets } from '@marathon-devtools/language-server/features/testMount';
import { fromPointer, nodeAtOffset, pathOf, type JsonPath } from '@marathon-devtools/language-server/features/jsonTree';
import { collectApps } from '@marathon-devtools/language-server/model/documentModel';

export type TestMountTarget = { args: TestMountArgs } | { choose: TestMountArgs[]; why: string } | { none: string };

const startsWith = (path: JsonPath, prefix: JsonPath) => prefix.length <= path.length && prefix.every((p, i) => path[i] === p);

/** Where the cursor counts as on the volume: the whole volume entry for an `external`, else the pointer's own node. */
function areaOf(args: TestMountArgs): JsonPath {
  const path = fromPointer(args.pointer);
  return path[path.length - 1] === 'external' ? path.slice(0, -1) : path;
}

export function testMountTargetAt(uri: string, text: string, offset: number): TestMountTarget {
  const doc = createDocument(uri, 0, text);
  const all = findMountTargets(doc).map((t) => t.args);
  if (all.length === 0) {
    return { none: 'Test mount needs a volume an agent would mount, and this document has none: put the cursor in a Marathon app or Chronos job with an external volume (container.volumes[].external), a DVDI_VOLUME_NAME env var or a Docker "volume" parameter with a "volume-driver".' };
  }
  const node = nodeAtOffset(doc.tree, offset);
  const at = node ? pathOf(node) : [];
  const on = all.filter((a) => startsWith(at, areaOf(a))).sort((x, y) => areaOf(y).length - areaOf(x).length);
  if (on.length > 0) return { args: on[0] };
  // The app under the cursor (the innermost, for an app in a group); a Chronos job is one owner, the whole document.
  const owners = doc.kind === 'chronos-job' ? [{ pointer: '', absoluteId: undefined }] : collectApps(doc.value, doc.kind);
  const owner = owners.filter((o) => startsWith(at, fromPointer(o.pointer))).sort((x, y) => y.pointer.length - x.pointer.length)[0];
  const mine = owner ? all.filter((a) => startsWith(fromPointer(a.pointer), fromPointer(owner.pointer))) : all;
  if (mine.length === 1) return { args: mine[0] };
  if (mine.length === 0) {
    const id = owner?.absoluteId ? ` ${owner.absoluteId}` : '';
    return { none: `The app${id} under the cursor mounts no external volume, so there is nothing to test: put the cursor in an app with one (this document has ${all.length}), or use the "Test mount" lens above a volume.` };
  }
  return { choose: mine, why: owner?.pointer ? `${mine.length} volumes in the app under the cursor` : `${mine.length} volumes in this document` };
}
