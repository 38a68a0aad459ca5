// kernelMountsAt's resolution of a mountpoint's parent dir (inuse/resolveParent.ts): real symlinks in a temp dir
// against a mount table written here (no mount needed). A parent that does not answer in time is covered with a
// stopped FUSE mount in test/e2e/hungParent.test.ts.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, realpath, rm, symlink, unlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { kernelMountsAt, MountStateUnknown, parseMountinfo, type MountEntry } from '../../src/inuse/mountinfo';
import { RESOLVE_CACHE_MS } from '../../src/inuse/resolveParent';

const line = (id: number, mountPoint: string) => `${id} 27 0:39 / ${mountPoint} rw,relatime - fuse.rclone :local:/srv/${id} rw`;

describe('kernelMountsAt: the parent dir resolved as the kernel names it', () => {
  let root = '';
  let table: MountEntry[] = [];

  before(async () => {
    // realpath: tmpdir() itself may lie behind a symlink.
    root = await realpath(await mkdtemp(join(tmpdir(), 'dvdi-resolve-')));
    await mkdir(join(root, 'run', 'base'), { recursive: true });
    await mkdir(join(root, 'other', 'base'), { recursive: true });
    await symlink(join(root, 'run'), join(root, 'var-run'));
    await symlink(join(root, 'loop-b'), join(root, 'loop-a'));
    await symlink(join(root, 'loop-a'), join(root, 'loop-b'));
    table = parseMountinfo([line(1, join(root, 'run', 'base', 'v1')), line(2, join(root, 'other', 'base', 'v1'))].join('\n'));
  });
  after(() => rm(root, { recursive: true, force: true }));

  it('finds the mount listed under the resolved path of a symlinked parent', async () => {
    const at = await kernelMountsAt(table, join(root, 'var-run', 'base', 'v1'));
    assert.deepEqual(Array.isArray(at) && at.map((e) => e.mountId), [1]);
    assert.deepEqual(await kernelMountsAt(table, join(root, 'var-run', 'base', 'v2')), []);
  });

  it('a parent that does not exist holds no mount', async () => {
    assert.deepEqual(await kernelMountsAt(table, join(root, 'nowhere', 'base', 'v1')), []);
    assert.deepEqual(await kernelMountsAt(table, join(root, 'run', 'base', 'v1', 'file', 'x')), []);
  });

  it('a parent that cannot be resolved for another reason is unknown, never "not mounted"', async () => {
    const at = await kernelMountsAt(table, join(root, 'loop-a', 'v1'));
    assert.ok(at instanceof MountStateUnknown, JSON.stringify(at));
    assert.equal(at.path, join(root, 'loop-a', 'v1'));
    assert.match(at.message, new RegExp(`^cannot tell whether ${join(root, 'loop-a', 'v1')} is mounted: .* parent dir ${join(root, 'loop-a')} failed \\(.*Too many levels of symbolic links\\)$`));
    assert.match(at.remedy, /^fix access to .*loop-a \(.*\), then try again$/);
  });

  it(`reuses an answer for ${RESOLVE_CACHE_MS} ms, then sees a symlink changed meanwhile`, async () => {
    const link = join(root, 'moving');
    await symlink(join(root, 'run'), link);
    const look = async () => {
      const at = await kernelMountsAt(table, join(link, 'base', 'v1'));
      return Array.isArray(at) ? at.map((e) => e.mountId) : at.message;
    };
    assert.deepEqual(await look(), [1]);
    await unlink(link);
    await symlink(join(root, 'other'), link);
    assert.deepEqual(await look(), [1], 'the answer of a moment ago');
    await new Promise((r) => setTimeout(r, RESOLVE_CACHE_MS + 50));
    assert.deepEqual(await look(), [2]);
  });

  it('concurrent looks at volumes under one parent agree', async () => {
    await symlink(join(root, 'run'), join(root, 'var-run-2')); // not resolved before: the looks share one resolution
    const all = await Promise.all(Array.from({ length: 20 }, (_, i) => kernelMountsAt(table, join(root, 'var-run-2', 'base', `v${(i % 2) + 1}`))));
    assert.deepEqual(all.map((a) => (Array.isArray(a) ? a.length : -1)), Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? 1 : 0)));
  });
});
