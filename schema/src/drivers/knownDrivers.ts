/**
 * The drivers we know, from REX-Ray 0.3/0.11, the mesos-module-dvdi and dvdcli READMEs, and the
 * plugins seen in real Marathon definitions (see shared/reference/dvdi-bridge.md §5, §7).
 */
import type { DriverHazard, DriverInfo, DriverOption } from './driverInfo';
import { REXRAY_HAZARDS } from './hazards';

const overwritefsEffect =
  'formats the volume while creating it and so erases any data on it (REX-Ray 0.3 does this when the volume is new; ' +
  'other drivers may also do it to an existing volume)';

const rexrayOptions: DriverOption[] = [
  { key: 'size', description: 'Size of a new volume in GiB (Marathon: prefer external.size, which overrides it).', valueKind: 'gib' },
  { key: 'iops', description: 'Provisioned IOPS of a new volume (e.g. EBS io1).', valueKind: 'positive-integer' },
  { key: 'volumetype', description: 'Storage-platform volume type of a new volume, e.g. gp2 or io1.', valueKind: 'label' },
  { key: 'type', description: 'REX-Ray 0.11 spelling of volumetype.', valueKind: 'label' },
  { key: 'availabilityzone', description: 'Availability zone in which a new volume is created.', valueKind: 'string' },
  { key: 'encrypted', description: 'Create the volume encrypted (REX-Ray 0.11).', valueKind: 'boolean' },
  {
    key: 'newfstype',
    description: 'File system to format a new volume with (REX-Ray 0.3; ignored by 0.11, which uses its configured fsType).',
    // Formats only a volume REX-Ray has just created, so no existing data is at stake.
    valueKind: 'label',
  },
  {
    key: 'overwritefs',
    description: 'REX-Ray: format the volume when it is created, erasing any data on it. Marathon accepts only "true" here, and a dry run refuses it; leave it out unless the data may be lost.',
    valueKind: 'boolean',
    destructive: overwritefsEffect,
    destructiveWhen: 'true',
  },
  { key: 'volumename', description: 'Create the new volume as a clone of this existing volume (by name).', valueKind: 'string' },
  { key: 'volumeid', description: 'Create the new volume as a clone of this existing volume (by id).', valueKind: 'string' },
  { key: 'snapshotname', description: 'Create the new volume from this snapshot (by name).', valueKind: 'string' },
  { key: 'snapshotid', description: 'Create the new volume from this snapshot (by id).', valueKind: 'string' },
];

export const knownDrivers: readonly DriverInfo[] = [
  {
    name: 'rexray',
    description: 'REX-Ray (libStorage): the default driver of mesos-module-dvdi; EBS, EFS, Ceph RBD, ScaleIO, VirtualBox, vfs …',
    options: rexrayOptions,
    notes: [
      'Options are only used when the volume is created; for an existing volume they are ignored.',
      'Docker managed plugins such as rexray/ebs are v2 plugins: dvdcli cannot reach them, and Marathon rejects the "/" in the name.',
    ],
    hazards: REXRAY_HAZARDS,
  },
  {
    name: 'pxd',
    description: 'Portworx.',
    options: [
      { key: 'size', description: 'Size of a new volume in GiB.', valueKind: 'gib' },
      { key: 'repl', description: 'Replication factor of a new volume (1 to 3).', valueKind: 'positive-integer' },
      { key: 'shared', description: 'Create a volume that several containers may mount at once.', valueKind: 'boolean' },
      { key: 'fs', description: 'File system of a new volume, e.g. ext4.', valueKind: 'label' },
    ],
  },
  {
    name: 'local-persist',
    description: 'local-persist: named volumes backed by a host directory.',
    options: [
      {
        key: 'mountpoint',
        description: 'Host directory backing the volume (a path: mesos-module-dvdi rejects "/" in option values).',
        valueKind: 'string',
      },
    ],
  },
  {
    name: 'rclone',
    description: 'rclone serve docker: FUSE volumes on cloud storage.',
    options: [
      {
        key: 'remote',
        description: 'rclone remote and path, e.g. name:bucket (mesos-module-dvdi rejects ":" in option values).',
        valueKind: 'string',
      },
    ],
    notes: ['Refuses a second Mount with the same ID; dvdcli always sends an empty ID.'],
  },
];

export function findDriver(name: string): DriverInfo | undefined {
  return knownDrivers.find((d) => d.name === name);
}

/**
 * What a driver option would do to existing data, or undefined when harmless. Unknown drivers get the
 * REX-Ray meaning for the REX-Ray key names, because several plugins copied them ("and similar").
 */
export function destructiveEffect(driver: string | undefined, key: string, value: string): string | undefined {
  const k = key.toLowerCase();
  const own = driver === undefined ? undefined : findDriver(driver)?.options.find((o) => o.key === k);
  const option = own ?? rexrayOptions.find((o) => o.key === k);
  if (!option?.destructive) return undefined;
  if (option.destructiveWhen !== undefined && value.trim().toLowerCase() !== option.destructiveWhen) return undefined;
  return option.destructive;
}

/**
 * The hazards that apply to a driver: its own, plus those recognised by what the plugin showed (`seenAs`), which
 * catches REX-Ray's vfs service under whatever module name the operator gave it.
 */
export function driverHazards(driver: string, seen: { noMountStatus: boolean }): DriverHazard[] {
  const own = findDriver(driver)?.hazards ?? [];
  const bySight = seen.noMountStatus ? knownDrivers.flatMap((d) => d.hazards ?? []).filter((h) => h.seenAs === 'no-mount-status') : [];
  return [...new Map([...own, ...bySight].map((h) => [h.id, h])).values()];
}

/** Option keys that can erase a volume on some driver: each driver's destructive options plus the generic spellings plugins copy. */
export const DESTRUCTIVE_OPTION_KEYS: readonly string[] = [
  ...new Set([...knownDrivers.flatMap((d) => d.options.filter((o) => o.destructive).map((o) => o.key)), 'newfstype', 'format', 'forceformat', 'reformat', 'overwrite', 'wipe', 'erase', 'mkfs']),
];
