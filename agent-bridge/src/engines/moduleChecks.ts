/**
 * The part of mesos-module-dvdi's input checks (dvdi-bridge.md §1.2) that needs the agent's filesystem: a containerPath must
 * pre-exist or lie under /tmp (which the module would mkdir -p). The character and "must start with /" rules
 * are pure and shared with the transport (validation/request.ts). The agent would fail the task in prepare()
 * before ever calling dvdcli, so a dry run refuses the same way and with the module's own message.
 */
import { existsSync } from 'node:fs';

export interface ModuleCheckFailure {
  field: string;
  message: string;
}

/** Call after validation/request.ts accepted the path (absolute, no shell characters). */
export function checkModuleContainerPath(containerPath: string | undefined, warnings: string[]): ModuleCheckFailure | undefined {
  const cp = containerPath;
  if (cp === undefined || cp === '' || existsSync(cp)) return undefined;
  if (!cp.startsWith('/tmp/')) return { field: 'containerPath', message: `mesos-module-dvdi: "prepare() failed, containerpath ${cp} must pre-exist, or be under /tmp"; create it on the agent first` };
  warnings.push(`mesos-module-dvdi would mkdir -p ${cp} (owned by root); the dry run does not create it`);
  return undefined;
}

/**
 * The module's formatOptions: each item becomes " --volumeopts=<item>" (leading space included), in the order
 * of DVDI_VOLUME_OPTS, i.e. the order the request gives them (Marathon 1.1 joins the app's options in order).
 */
export function formatOptions(options: Record<string, string>): string {
  return Object.entries(options)
    .map(([k, v]) => ` --volumeopts=${k}=${v}`)
    .join('');
}
