/**
 * Speaks the Docker volume plugin protocol directly (dvdi-bridge.md §4), as a Docker ≥ 1.12 daemon does: Create only when
 * asked, then Mount/Unmount carrying a caller ID. The ID is unique per dry run, so an ID-aware plugin (rclone,
 * docker-volume-loopback) reference-counts our mount separately and our Unmount cannot release anyone else's.
 */
import { PluginClient, PluginError } from '../plugin/client';
import type { Engine, MountOutcome, MountRequest, UnmountRequest } from './engine';
import { refuseUnsafe } from './guard';

export class PluginEngine implements Engine {
  readonly name = 'plugin' as const;
  readonly sendsMountId = true;

  async mount(req: MountRequest): Promise<MountOutcome> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'mount');
    if (unsafe) return unsafe;
    const client = new PluginClient(req.plugin);
    try {
      if (req.create) await client.create(req.name, req.options, { timeoutMs: req.timeoutMs });
      const mountpoint = await client.mount(req.name, req.mountId, { timeoutMs: req.timeoutMs });
      const shown = `POST /VolumeDriver.Mount {"Name":${JSON.stringify(req.name)},"ID":"${req.mountId}"}`;
      if (mountpoint.trim() === '') return { ok: false, detail: `${shown}: plugin answered an empty Mountpoint with no Err; dvdcli would print an empty line and the isolator would fail` };
      return { ok: true, mountpoint: mountpoint.trim(), detail: shown };
    } catch (e) {
      const pe = e as PluginError;
      // Only an answer with Err is a definite refusal. A timeout, a dropped connection or an answer that cannot be
      // read (not JSON, too big) leaves the plugin's side unknown: it may have mounted, so the cleanup unmount follows.
      return { ok: false, detail: pe.message, indeterminate: !(pe instanceof PluginError) || pe.kind !== 'err' };
    }
  }

  async unmount(req: UnmountRequest): Promise<{ ok: boolean; detail: string }> {
    const unsafe = refuseUnsafe(req.driver, req.name, 'unmount');
    if (unsafe) return unsafe;
    const client = new PluginClient(req.plugin);
    const id = req.mountId;
    try {
      await client.unmount(req.name, id, { timeoutMs: req.timeoutMs });
      return { ok: true, detail: `POST /VolumeDriver.Unmount {"Name":${JSON.stringify(req.name)},"ID":"${id}"}` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  }
}
