/**
 * The exact dvdcli invocations of both isolators, as data: Mesos' docker/volume argv (dvdi-bridge.md §2.4) and
 * mesos-module-dvdi's shell string (dvdi-bridge.md §1.3, sprintf "%s %s %s%s %s%s %s %s": two spaces before the first option,
 * a trailing space when explicit create is off, a trailing space on unmount, the misspelt --explicitCreate=true).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { dockerVolumeMountArgv, dockerVolumeUnmountArgv } from '../../src/engines/dockerVolume';
import { moduleMountCommand, moduleUnmountCommand } from '../../src/engines/dvdiModule';

describe('docker-volume argv (Mesos DriverClient, no shell)', () => {
  const mounts: [driver: string, name: string, options: Record<string, string>, argv: string[]][] = [
    ['rexray', 'vol1', {}, ['mount', '--volumedriver=rexray', '--volumename=vol1']],
    ['rexray', 'vol1', { size: '5' }, ['mount', '--volumedriver=rexray', '--volumename=vol1', '--volumeopts=size=5']],
    // Mesos iterates a hashmap (order unspecified); the bridge sorts so runs are reproducible.
    ['rexray', 'vol1', { size: '5', iops: '150' }, ['mount', '--volumedriver=rexray', '--volumename=vol1', '--volumeopts=iops=150', '--volumeopts=size=5']],
    // No shell: spaces and shell characters stay inside one argument; values may be paths (rclone path=/x).
    ['rclone', 'a$(b) c', { path: '/srv/x', remote: 'r:bucket' }, ['mount', '--volumedriver=rclone', '--volumename=a$(b) c', '--volumeopts=path=/srv/x', '--volumeopts=remote=r:bucket']],
    ['pxd', 'name=vol1,size=10', {}, ['mount', '--volumedriver=pxd', '--volumename=name=vol1,size=10']],
    ['rexray', 'v', { size: '' }, ['mount', '--volumedriver=rexray', '--volumename=v', '--volumeopts=size=']],
  ];
  for (const [driver, name, options, argv] of mounts) {
    it(`mount ${driver}/${name} ${JSON.stringify(options)}`, () => assert.deepEqual(dockerVolumeMountArgv(driver, name, options), argv));
  }

  it('never adds --explicitcreate, and unmount has no options', () => {
    assert.ok(!dockerVolumeMountArgv('rexray', 'v', { size: '1' }).some((a) => /explicit/i.test(a)));
    assert.deepEqual(dockerVolumeUnmountArgv('rexray', 'vol1'), ['unmount', '--volumedriver=rexray', '--volumename=vol1']);
  });
});

describe('dvdi-module shell string (mesos-module-dvdi, sh -c)', () => {
  const D = '/usr/bin/dvdcli';
  const mounts: [name: string, options: Record<string, string>, explicit: boolean, cmd: string][] = [
    // The reference's own example (dvdi-bridge.md §1.3), options in DVDI_VOLUME_OPTS order.
    ['vol1', { size: '5', iops: '150' }, false, '/usr/bin/dvdcli mount --volumedriver=rexray --volumename=vol1  --volumeopts=size=5 --volumeopts=iops=150 '],
    ['vol1', {}, false, '/usr/bin/dvdcli mount --volumedriver=rexray --volumename=vol1  '],
    ['vol1', { size: '5' }, true, '/usr/bin/dvdcli mount --volumedriver=rexray --volumename=vol1  --volumeopts=size=5 --explicitCreate=true'],
    ['vol1', {}, true, '/usr/bin/dvdcli mount --volumedriver=rexray --volumename=vol1  --explicitCreate=true'],
    ['name=vol1,size=10', { repl: '2' }, false, '/usr/bin/dvdcli mount --volumedriver=rexray --volumename=name=vol1,size=10  --volumeopts=repl=2 '],
  ];
  for (const [name, options, explicit, cmd] of mounts) {
    it(`mount ${name} ${JSON.stringify(options)}${explicit ? ' explicit' : ''}`, () => assert.equal(moduleMountCommand(D, 'rexray', name, options, explicit), cmd));
  }

  it('unmount ends with a space', () => {
    assert.equal(moduleUnmountCommand(D, 'rexray', 'vol1'), '/usr/bin/dvdcli unmount --volumedriver=rexray --volumename=vol1 ');
    assert.equal(moduleUnmountCommand('/opt/bin/dvdcli', 'pxd', 'v'), '/opt/bin/dvdcli unmount --volumedriver=pxd --volumename=v ');
  });
});
