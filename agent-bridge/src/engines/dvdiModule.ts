/**
 * mesos-module-dvdi (dvdi-bridge.md §1.3): the module builds one shell string and runs it with popen, i.e. `/bin/sh -c`.
 * Mount:   sprintf("%s %s %s%s %s%s %s %s", dvdcli, "mount", "--volumedriver=", D, "--volumename=", N, opts, ec)
 * Unmount: sprintf("%s %s %s%s %s%s ", dvdcli, "unmount", "--volumedriver=", D, "--volumename=", N)
 * Only stdout is read; the mountpoint is trim(stdout) and empty means failure. The module has no timeout at
 * all; the bridge applies its own and kills the whole process group (sh and dvdcli).
 */
import type { Engine, MountOutcome, MountRequest, UnmountRequest } from './engine';
import { refuseUnsafe } from './guard';
import { formatOptions } from './moduleChecks';
import { describeFailure, mountMayStillLand, runProcess } from './runProcess';

/** `explicitCreate` reproduces the module's `--explicitCreate=true` (a flag dvdcli does not know, dvdi-bridge.md §1.3 bug). */
export function moduleMountCommand(dvdcli: string, driver: string, name: string, options: Record<string, string>, explicitCreate = false): string {
  return `${dvdcli} mount --volumedriver=${driver} --volumename=${name} ${formatOptions(options)} ${explicitCreate ? '--explicitCreate=true' : ''}`;
}

export function moduleUnmountCommand(dvdcli: string, driver: string, name: string): string {
  return `${dvdcli} unmount --volumedriver=${driver} --volumename=${name} `;
}

export class DvdiModuleEngine implements Engine {
  readonly name = 'dvdi-module' as const;
  readonly sendsMountId = false;

  constructor(
    private readonly dvdcliPath: string,
    private readonly shell = '/bin/sh',
  ) {}

  async mount(req: MountRequest): Promise<MountOutcome> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'mount');
    if (unsafe) return unsafe;
    const cmd = moduleMountCommand(this.dvdcliPath, req.driver, req.name, req.options);
    const r = await runProcess(this.shell, ['-c', cmd], { timeoutMs: req.timeoutMs, onSpawn: req.onSpawn });
    const shown = `sh -c ${JSON.stringify(cmd)}`;
    const mountpoint = r.stdout.trim();
    // A flood on stdout is no path; whatever dvdcli did meanwhile is unknown, so the cleanup unmount follows.
    if (r.stdoutTruncated) return { ok: false, detail: describeFailure(shown, r, req.timeoutMs), indeterminate: true };
    if (r.code === 0 && !r.timedOut && mountpoint !== '') return { ok: true, mountpoint, detail: shown };
    if (r.code === 0 && !r.timedOut) return { ok: false, detail: `${shown}: the module reports "returned an empty mountpoint name" (${describeFailure('dvdcli', r, req.timeoutMs)})` };
    return { ok: false, detail: describeFailure(shown, r, req.timeoutMs), indeterminate: mountMayStillLand(r) };
  }

  async unmount(req: UnmountRequest): Promise<{ ok: boolean; detail: string }> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'unmount');
    if (unsafe) return unsafe;
    const cmd = moduleUnmountCommand(this.dvdcliPath, req.driver, req.name);
    const r = await runProcess(this.shell, ['-c', cmd], { timeoutMs: req.timeoutMs });
    const shown = `sh -c ${JSON.stringify(cmd)}`;
    // The module only logs a WARNING on a failed unmount and carries on; the bridge reports it.
    if (r.code === 0 && !r.timedOut) return { ok: true, detail: shown };
    return { ok: false, detail: describeFailure(shown, r, req.timeoutMs) };
  }
}
