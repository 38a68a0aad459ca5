/**
 * Mesos' built-in `docker/volume` isolator (DriverClient, dvdi-bridge.md §2.4): dvdcli is exec'd with no shell, stdin
 * /dev/null, argv `[dvdcli, mount, --volumedriver=D, --volumename=N, --volumeopts=k=v ...]`, mount timeout
 * 120 s, unmount 10 min, SIGKILL to the tree on timeout. Mountpoint = trim(stdout). Mesos does not check for
 * an empty stdout (the bind then fails at launch); the bridge reports it as the failure it becomes.
 */
import type { Engine, MountOutcome, MountRequest, UnmountRequest } from './engine';
import { refuseUnsafe } from './guard';
import { describeFailure, mountMayStillLand, runProcess } from './runProcess';

export function dockerVolumeMountArgv(driver: string, name: string, options: Record<string, string>): string[] {
  // Mesos iterates a hashmap, so the order is unspecified; sorted here so runs are reproducible.
  const opts = Object.keys(options).sort().map((k) => `--volumeopts=${k}=${options[k]}`);
  return ['mount', `--volumedriver=${driver}`, `--volumename=${name}`, ...opts];
}

export function dockerVolumeUnmountArgv(driver: string, name: string): string[] {
  return ['unmount', `--volumedriver=${driver}`, `--volumename=${name}`];
}

export class DockerVolumeEngine implements Engine {
  readonly name = 'docker-volume' as const;
  readonly sendsMountId = false;

  constructor(private readonly dvdcliPath: string) {}

  async mount(req: MountRequest): Promise<MountOutcome> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'mount');
    if (unsafe) return unsafe;
    const argv = dockerVolumeMountArgv(req.driver, req.name, req.options);
    const r = await runProcess(this.dvdcliPath, argv, { timeoutMs: req.timeoutMs, onSpawn: req.onSpawn });
    const shown = [this.dvdcliPath, ...argv].join(' ');
    const mountpoint = r.stdout.trim();
    // A flood on stdout is no path; whatever dvdcli did meanwhile is unknown, so the cleanup unmount follows.
    if (r.stdoutTruncated) return { ok: false, detail: describeFailure(shown, r, req.timeoutMs), indeterminate: true };
    if (r.code === 0 && !r.timedOut && mountpoint !== '') return { ok: true, mountpoint, detail: shown };
    return { ok: false, detail: describeFailure(shown, r, req.timeoutMs), indeterminate: mountMayStillLand(r) };
  }

  async unmount(req: UnmountRequest): Promise<{ ok: boolean; detail: string }> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'unmount');
    if (unsafe) return unsafe;
    const argv = dockerVolumeUnmountArgv(req.driver, req.name);
    const r = await runProcess(this.dvdcliPath, argv, { timeoutMs: req.timeoutMs });
    const shown = [this.dvdcliPath, ...argv].join(' ');
    // Mesos: non-zero exit = "Unexpected termination of the subprocess: <stderr>".
    if (r.code === 0 && !r.timedOut) return { ok: true, detail: shown };
    return { ok: false, detail: describeFailure(shown, r, req.timeoutMs) };
  }
}
