/**
 * Driver hazards as data (issue 8), from the second lab with real REX-Ray 0.12.0-dev (vfs) and dvdcli
 * (../shared/reference/dvdi-bridge.md §5.2 "Correction", §6.2). The dvdi-bridge refuses a dry run that would
 * trigger one unless the operator allows its id; the lint engine can show them on hover.
 */
import type { DriverHazard } from './driverInfo';

export const REXRAY_HAZARDS: DriverHazard[] = [
  {
    id: 'rexray-vfs-wipe-on-mount',
    kind: 'wipes-on-mount',
    seenAs: 'no-mount-status',
    text:
      'REX-Ray ≤ 0.12 with the vfs service runs a "precautionary unmount" when it mounts an unattached volume, and the vfs ' +
      'unmount deletes the mountpoint\'s contents (os.RemoveAll): a dry-run mount of a pre-existing volume destroys its data. ' +
      'The plugin protocol does not tell which libStorage service REX-Ray uses',
    source: 'dvdi-bridge.md §5.2 (vfs semantics, correction), §6.2',
  },
  {
    id: 'rexray-no-kernel-mount',
    kind: 'no-kernel-mount',
    seenAs: 'no-mount-status',
    text:
      'REX-Ray vfs never kernel-mounts and its Get shows Mountpoint "" and no users, and with unmount.ignoreusedcount: true any ' +
      'Unmount detaches a volume a task is using: only the isolators\' checkpoints can prove such a volume unused',
    source: 'dvdi-bridge.md §5.2 (used-count semantics, vfs semantics)',
  },
];
