/** /proc/self/mountinfo parsing: octal unescaping of paths, optional fields, exact-path matching. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mountsAt, parseMountinfo } from '../../src/inuse/mountinfo';

const line = (id: number, mountPoint: string, optional: string, fsType: string, source: string) => `${id} 27 0:39 / ${mountPoint} rw,relatime ${optional}- ${fsType} ${source} rw`;

describe('mountinfo', () => {
  const cases: [what: string, escaped: string, path: string][] = [
    ['space as \\040', '/mnt/my\\040vol', '/mnt/my vol'],
    ['tab as \\011', '/mnt/a\\011b', '/mnt/a\tb'],
    ['newline as \\012', '/mnt/a\\012b', '/mnt/a\nb'],
    ['backslash as \\134', '/mnt/a\\134040', '/mnt/a\\040'],
    ['several escapes', '/var/lib/rclone/base/name=v,size\\04010\\040x', '/var/lib/rclone/base/name=v,size 10 x'],
    ['plain path untouched', '/tmp/dvdi-x/base/data1', '/tmp/dvdi-x/base/data1'],
  ];
  for (const [what, escaped, path] of cases) {
    it(`unescapes ${what}`, () => {
      const [e] = parseMountinfo(line(42, escaped, '', 'fuse.rclone', ':local:/srv/a\\040b'));
      assert.equal(e.mountPoint, path);
      assert.equal(e.source, ':local:/srv/a b');
      assert.equal(mountsAt([e], path).length, 1);
    });
  }

  it('skips optional fields up to "-", ignores blank and malformed lines', () => {
    const text = [line(1, '/', 'shared:1 master:2 ', 'ext4', '/dev/vda'), '', 'garbage', line(2, '/mnt/x', 'propagate_from:3 ', 'tmpfs', 'tmpfs'), ''].join('\n');
    assert.deepEqual(parseMountinfo(text), [
      { mountId: 1, mountPoint: '/', fsType: 'ext4', source: '/dev/vda' },
      { mountId: 2, mountPoint: '/mnt/x', fsType: 'tmpfs', source: 'tmpfs' },
    ]);
  });

  it('matches exact paths only, trailing slashes ignored, stacked mounts once per layer', () => {
    const entries = parseMountinfo([line(1, '/mnt/v', '', 'ext4', 'a'), line(2, '/mnt/v', '', 'fuse', 'b'), line(3, '/mnt/v2', '', 'ext4', 'c'), line(4, '/mnt/v/sub', '', 'ext4', 'd')].join('\n'));
    assert.deepEqual(mountsAt(entries, '/mnt/v/').map((e) => e.mountId), [1, 2]);
    assert.deepEqual(mountsAt(entries, '/mnt').map((e) => e.mountId), []);
    assert.deepEqual(mountsAt(parseMountinfo(line(9, '/', '', 'ext4', 'r')), '/').map((e) => e.mountId), [9]);
  });
});
