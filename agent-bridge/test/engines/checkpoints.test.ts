/**
 * The isolator checkpoint readers against files written here the way the agent writes them: mesos-module-dvdi's
 * dvdimounts.pb (dvdi-bridge.md §1.5: 4-byte little-endian length from stout's protobuf::write, then ExternalMountList) and
 * Mesos docker/volume's `<dir>/<ContainerID>/volumes` JSON (dvdi-bridge.md §2.5). The protobuf is encoded by hand (dvdiCheckpointFile.ts).
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { checkpointUsers } from '../../src/inuse/check';
import { readDockerVolumeCheckpoints } from '../../src/inuse/dockerVolumeCheckpoint';
import { DVDI_CHECKPOINT_FILE, readDvdiCheckpoint, type ExternalMount } from '../../src/inuse/dvdiCheckpoint';
import { externalMount, field, mountList, str, stoutFile, varint } from './dvdiCheckpointFile';

const FULL: ExternalMount = {
  containerId: 'c0ffee-1',
  volumeDriver: 'rexray',
  volumeName: 'Vol1',
  mountpoint: '/var/lib/rexray/volumes/Vol1/data',
  options: 'size=5,iops=150',
  containerPath: '/data',
  dvdcliPath: '/usr/bin/dvdcli',
  explicitCreate: true,
};
const EMPTY: ExternalMount = { containerId: '', volumeDriver: '', volumeName: '', mountpoint: '', options: '', containerPath: '', dvdcliPath: '', explicitCreate: false };

describe('mesos-module-dvdi checkpoint (dvdimounts.pb)', () => {
  let dir: string;
  before(async () => void (dir = await mkdtemp(join(tmpdir(), 'dvdi-ckpt-'))));
  after(() => rm(dir, { recursive: true, force: true }));

  const cases: [what: string, content: Buffer | undefined, expected: ExternalMount[] | RegExp][] = [
    ['missing file: no mounts', undefined, []],
    ['empty file: no mounts', Buffer.alloc(0), []],
    ['one full record', stoutFile(mountList([externalMount(FULL)])), [FULL]],
    [
      'two records (a volume shared by two containers), defaults for absent fields, unknown fields skipped',
      stoutFile(mountList([externalMount(FULL), externalMount({ containerId: 'c2', volumeName: 'Vol1' }, Buffer.concat([str(15, 'future'), field(16, 0), varint(300), field(17, 5), Buffer.alloc(4)]))])),
      [FULL, { ...EMPTY, containerId: 'c2', volumeName: 'Vol1' }],
    ],
    ['non-ASCII and long strings (multi-byte varint lengths)', stoutFile(mountList([externalMount({ volumeName: 'ü'.repeat(100), containerId: 'x' })])), [{ ...EMPTY, volumeName: 'ü'.repeat(100), containerId: 'x' }]],
    ['shorter than the length prefix', Buffer.from([1, 0]), /shorter than its 4-byte length prefix/],
    ['length prefix larger than the file', Buffer.concat([Buffer.from([50, 0, 0, 0]), mountList([externalMount(FULL)]).subarray(0, 10)]), /says 50 bytes follow/],
    ['without the prefix (the module\'s own recovery bug, the other way round)', mountList([externalMount(FULL)]), /bytes follow|truncated|wire type/],
  ];
  cases.forEach(([what, content, expected], i) => {
    it(what, async () => {
      const file = join(dir, `case${i}`, DVDI_CHECKPOINT_FILE);
      await mkdir(join(dir, `case${i}`), { recursive: true });
      if (content) await writeFile(file, content);
      if (expected instanceof RegExp) await assert.rejects(readDvdiCheckpoint(file), expected);
      else assert.deepEqual(await readDvdiCheckpoint(file), expected);
    });
  });

  it('in-use matching is case-insensitive (the module hashes lower(driver), lower(name)) and defaults the driver to rexray', async () => {
    const dvdiModule = join(dir, 'users');
    await mkdir(dvdiModule, { recursive: true });
    await writeFile(join(dvdiModule, DVDI_CHECKPOINT_FILE), stoutFile(mountList([externalMount(FULL), externalMount({ containerId: 'c3', volumeName: 'other' })])));
    const src = { checkpointDirs: { dvdiModule, dockerVolume: join(dir, 'no-such-dir') }, noDockerVolumeIsolator: true };
    assert.match((await checkpointUsers(src, 'RexRay', 'vol1')).reasons.join(), /container c0ffee-1/);
    assert.match((await checkpointUsers(src, 'rexray', 'OTHER')).reasons.join(), /container c3/);
    assert.deepEqual(await checkpointUsers(src, 'rexray', 'vol2'), { inUse: false, reasons: [], problems: [] });
    // Without the operator's word that the agent runs no docker/volume isolator, its missing dir is a missing proof.
    const strict = await checkpointUsers({ checkpointDirs: src.checkpointDirs }, 'rexray', 'vol2');
    assert.equal(strict.inUse, true);
    assert.match(strict.problems.join(), /no-such-dir does not exist .*--docker-volume-checkpoint-dir .*--no-docker-volume-isolator/);
  });
});

describe('Mesos docker/volume checkpoints (<dir>/<ContainerID>/volumes)', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dvdi-dvckpt-'));
    const write = async (cid: string, text: string) => {
      await mkdir(join(dir, cid), { recursive: true });
      await writeFile(join(dir, cid, 'volumes'), text);
    };
    await write('c1', JSON.stringify({ volumes: [{ driver: 'rexray', name: 'vol1' }, { driver: 'pxd', name: 'name=v,size=1' }] }));
    await write('c2.nested', JSON.stringify({ volumes: [{ driver: 'rexray', name: 'vol1' }] }));
    await write('empty', '');
    await write('broken', '{"volumes": [');
    await write('odd', JSON.stringify({ volumes: [{ driver: 'x' }, { name: 'y' }] }));
    await mkdir(join(dir, 'no-file'));
  });
  after(() => rm(dir, { recursive: true, force: true }));

  it('lists every (container, driver, name); an empty or missing file is an empty Info; bad JSON is a problem', async () => {
    const { uses, problems } = await readDockerVolumeCheckpoints(dir);
    assert.deepEqual(
      uses.map((u) => `${u.containerId} ${u.driver}/${u.name}`).sort(),
      ['c1 pxd/name=v,size=1', 'c1 rexray/vol1', 'c2.nested rexray/vol1'],
    );
    assert.equal(problems.length, 1);
    assert.match(problems[0], /broken\/volumes is not valid JSON/);
  });

  it('a missing checkpoint dir is a missing proof unless vouched for; a bad file makes every volume "possibly in use"', async () => {
    assert.deepEqual(await readDockerVolumeCheckpoints(join(dir, 'nope')), { uses: [], problems: [] });
    const r = await checkpointUsers({ checkpointDirs: { dockerVolume: dir, dvdiModule: join(dir, 'nope') } }, 'local', 'unrelated');
    assert.deepEqual(r.reasons, []);
    assert.equal(r.inUse, true);
    assert.match(r.problems.join(), /broken\/volumes is not valid JSON.*cannot be ruled out/);
    assert.match(r.problems.join(), /mesos-module-dvdi checkpoint dir .*nope does not exist.*--no-dvdi-module/);
    const vouched = await checkpointUsers({ checkpointDirs: { dockerVolume: dir, dvdiModule: join(dir, 'nope') }, noDvdiModule: true }, 'local', 'unrelated');
    assert.equal(vouched.problems.length, 1);
  });
});
