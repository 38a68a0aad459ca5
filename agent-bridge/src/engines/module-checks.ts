/**
 * mesos-module-dvdi's own input checks (§1.2), applied before the dvdi-module engine runs anything: the agent
 * would fail the task in prepare() before ever calling dvdcli, so a dry run must fail the same way and with
 * the module's own message.
 */
import { existsSync } from 'node:fs';

/** The module's prohibited characters for DVDI_VOLUME_NAME / DRIVER / OPTS / EXPLICITCREATE values. */
const PROHIBITED = new Set(['%', '/', ':', ';', '\0', '<', '>', '|', '`', '$', "'", '?', '^', '&', ' ', '{', '"', '}', '[', ']', '\n', '\t', '\v', '\b', '\r', '\\']);

export function firstProhibited(value: string): string | undefined {
  for (const ch of value) if (PROHIBITED.has(ch)) return ch;
  return undefined;
}

export interface ModuleCheckFailure {
  field: string;
  message: string;
}

const show = (ch: string) => JSON.stringify(ch);

/** Returns the first reason the module would reject this volume, or undefined. `warnings` gets non-fatal notes. */
export function checkModuleInput(
  input: { driver: string; name: string; options: Record<string, string>; containerPath?: string },
  warnings: string[],
): ModuleCheckFailure | undefined {
  const env = { driver: 'DVDI_VOLUME_DRIVER', name: 'DVDI_VOLUME_NAME', options: 'DVDI_VOLUME_OPTS' };
  for (const [field, value] of [['driver', input.driver], ['name', input.name]] as const) {
    const bad = firstProhibited(value);
    if (bad !== undefined) {
      return { field, message: `mesos-module-dvdi rejects ${env[field]}=${JSON.stringify(value)}: character ${show(bad)} is prohibited, so prepare() fails with "illegal ${env[field]}" before dvdcli runs; use only letters, digits, "-", "_", "."` };
    }
  }
  for (const [k, v] of Object.entries(input.options)) {
    const bad = firstProhibited(`${k}=${v}`);
    if (bad !== undefined) {
      return {
        field: `options.${k}`,
        message: `mesos-module-dvdi rejects DVDI_VOLUME_OPTS item ${JSON.stringify(`${k}=${v}`)}: character ${show(bad)} is prohibited (values can never be paths or URLs through the module); pre-create the volume with these options and mount it by name, or use the docker/volume isolator`,
      };
    }
  }
  const cp = input.containerPath;
  if (cp !== undefined && cp !== '') {
    if (!cp.startsWith('/')) return { field: 'containerPath', message: `mesos-module-dvdi: "prepare() failed, containerpaths must start with /" (got ${JSON.stringify(cp)}); use an absolute path` };
    if (!existsSync(cp)) {
      if (!cp.startsWith('/tmp/')) return { field: 'containerPath', message: `mesos-module-dvdi: containerpath ${cp} must pre-exist, or be under /tmp; create it on the agent first` };
      warnings.push(`mesos-module-dvdi would mkdir -p ${cp} (owned by root); the dry run does not create it`);
    }
  }
  return undefined;
}

/** The module's formatOptions: each item becomes " --volumeopts=<item>" (leading space included). */
export function formatOptions(options: Record<string, string>): string {
  return Object.keys(options)
    .sort()
    .map((k) => ` --volumeopts=${k}=${options[k]}`)
    .join('');
}
