/**
 * Finds every volume an agent would mount for a document and builds the `marathon.testMount` argument
 * for it — exactly what Marathon would hand to Mesos (marathon-rules.md §6.4), so a dry-run mount
 * on the bridge exercises the same driver, name and options as the real deployment.
 */
import { collectApps, isObject, joinPointer, type JsonObject } from '../model/documentModel';
import type { TestMountArgs, TestMountVolume } from '../protocol';
import type { EditorDocument } from './document';
import { parseVolumeSpec } from '../model/docker/volumeSpec';

export interface MountTarget {
  /** Pointer of the `external` object, or of the DVDI_VOLUME_NAME* env var. */
  pointer: string;
  args: TestMountArgs;
}

const str = (v: unknown): string => (typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v));

/** Marathon's translation of `external.options`: dvdi/* minus dvdi/driver, prefix stripped, values trimmed, plus size. */
function marathonDriverOptions(external: JsonObject): Record<string, string> {
  const out: Record<string, string> = {};
  const options = isObject(external.options) ? external.options : {};
  for (const [k, v] of Object.entries(options)) {
    if (!k.startsWith('dvdi/') || k === 'dvdi/driver') continue;
    out[k.slice('dvdi/'.length)] = str(v).trim();
  }
  if (typeof external.size === 'number') out.size = String(external.size);
  return out;
}

function mode(v: unknown): 'RW' | 'RO' {
  return typeof v === 'string' && v.toUpperCase() === 'RO' ? 'RO' : 'RW';
}

function containerizer(container: JsonObject | undefined): 'DOCKER' | 'MESOS' {
  return typeof container?.type === 'string' && container.type.toUpperCase() === 'MESOS' ? 'MESOS' : 'DOCKER';
}

function volumeTargets(uri: string, base: string, owner: JsonObject, chronos: boolean): MountTarget[] {
  const container = isObject(owner.container) ? owner.container : undefined;
  const volumes = Array.isArray(container?.volumes) ? container.volumes : [];
  const out: MountTarget[] = [];
  volumes.forEach((vol, i) => {
    if (!isObject(vol) || !isObject(vol.external)) return;
    const ext = vol.external;
    let volume: TestMountVolume;
    if (chronos) {
      // Chronos: `provider` is the Docker volume driver itself; options are [{key, value}].
      const options: Record<string, string> = {};
      if (Array.isArray(ext.options)) for (const o of ext.options) if (isObject(o) && typeof o.key === 'string') options[o.key] = str(o.value).trim();
      volume = { driver: str(ext.provider), name: str(ext.name), options, containerPath: str(vol.containerPath), mode: mode(vol.mode) };
    } else {
      const opts = isObject(ext.options) ? ext.options : {};
      volume = { driver: str(opts['dvdi/driver']).trim(), name: str(ext.name), options: marathonDriverOptions(ext), containerPath: str(vol.containerPath), mode: mode(vol.mode) };
    }
    const pointer = joinPointer(base, 'container', 'volumes', i, 'external');
    out.push({ pointer, args: { uri, pointer, volume, containerizer: containerizer(container), engine: 'docker-volume' } });
  });
  return out;
}

/** The env form read by mesos-module-dvdi: DVDI_VOLUME_{NAME,DRIVER,OPTS,CONTAINERPATH} with slot suffix "" or 0–9. */
function envTargets(uri: string, base: string, app: JsonObject): MountTarget[] {
  if (!isObject(app.env)) return [];
  const env = app.env;
  const out: MountTarget[] = [];
  for (const key of Object.keys(env)) {
    const m = /^DVDI_VOLUME_NAME(\d?)$/.exec(key);
    if (!m || typeof env[key] !== 'string' || env[key] === '') continue;
    const slot = m[1];
    const get = (name: string) => env[`DVDI_VOLUME_${name}${slot}`] ?? (slot === '0' ? env[`DVDI_VOLUME_${name}`] : undefined);
    const options: Record<string, string> = {};
    for (const item of str(get('OPTS')).split(',')) {
      if (!item) continue;
      const eq = item.indexOf('=');
      if (eq < 0) options[item.trim()] = '';
      else options[item.slice(0, eq).trim()] = item.slice(eq + 1).trim();
    }
    const pointer = joinPointer(base, 'env', key);
    const volume: TestMountVolume = {
      driver: str(get('DRIVER')).trim() || 'rexray', // the module's default driver
      name: str(env[key]),
      options,
      containerPath: str(get('CONTAINERPATH')),
      mode: 'RW',
    };
    out.push({ pointer, args: { uri, pointer, volume, containerizer: 'MESOS', engine: 'dvdi-module' } });
  }
  return out;
}

/**
 * The Docker containerizer's parameter form: `-v name:/path[:mode]` with `--volume-driver`. Docker asks the plugin
 * for exactly the name written (Portworx's `name=…,size=…` included) and sends no driver options, so the dry run
 * does the same through the bridge's `plugin` engine. Bind mounts, anonymous volumes and the local driver have no
 * plugin to test.
 */
function dockerParameterTargets(uri: string, base: string, app: JsonObject): MountTarget[] {
  const container = isObject(app.container) ? app.container : undefined;
  const params = isObject(container?.docker) && Array.isArray(container.docker.parameters) ? container.docker.parameters : [];
  let driver: string | undefined;
  for (const p of params) if (isObject(p) && p.key === 'volume-driver' && typeof p.value === 'string') driver = p.value.trim();
  if (!driver || driver === 'local') return [];
  const out: MountTarget[] = [];
  params.forEach((p, i) => {
    if (!isObject(p) || p.key !== 'volume' || typeof p.value !== 'string') return;
    const parsed = parseVolumeSpec(p.value);
    if (!parsed.ok || !parsed.spec.named || parsed.spec.source === undefined) return;
    const pointer = joinPointer(base, 'container', 'docker', 'parameters', i);
    const volume: TestMountVolume = { driver: driver!, name: parsed.spec.source, options: {}, containerPath: parsed.spec.destination, mode: parsed.spec.readOnly ? 'RO' : 'RW' };
    out.push({ pointer, args: { uri, pointer, volume, containerizer: 'DOCKER', engine: 'plugin' } });
  });
  return out;
}

export function findMountTargets(doc: EditorDocument): MountTarget[] {
  if (doc.kind === 'chronos-job') return isObject(doc.value) ? volumeTargets(doc.uri, '', doc.value, true) : [];
  const out: MountTarget[] = [];
  for (const app of collectApps(doc.value, doc.kind)) {
    out.push(...volumeTargets(doc.uri, app.pointer, app.app, false), ...envTargets(doc.uri, app.pointer, app.app), ...dockerParameterTargets(doc.uri, app.pointer, app.app));
  }
  return out;
}
