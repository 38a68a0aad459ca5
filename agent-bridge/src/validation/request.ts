/**
 * The one set of rules for a dry-run request's driver, name, options and containerPath, used by both layers:
 * the transport (server/paramsValidation.ts) and the runner (dryrun/runOne.ts, defence in depth). Pure: no I/O
 * (the module's "must pre-exist" containerPath check needs the filesystem and stays in engines/moduleChecks.ts).
 *
 * Every problem has a kind, which is what decides how the client hears about it:
 *  - `unsafe`: the string could change what the bridge itself runs (a flag, a split argument, a shell
 *    expansion, a path outside the plugin's directory). The transport answers -32602 naming the field and the
 *    runner never sees it.
 *  - `agent-refuses`: the string is harmless to the bridge, but the agent's isolator would refuse the task with
 *    this message (mesos-module-dvdi's character and containerPath checks, dvdi-bridge.md §1.2). That is a statement about the
 *    volume, so it passes the transport and comes back as the verdict `refused` with the module's message.
 *
 * The rules differ per engine only where the engines differ (dvdi-bridge.md §1.2–1.3, §2.4, §3.4, §4): the module runs one
 * `sh -c` string and prohibits its own character set; Mesos' docker/volume isolator execs dvdcli with no shell,
 * so only dvdcli's own parsing matters (a leading "-", pflag's comma/quote splitting of --volumeopts, the
 * truncation at a second "="); the plugin engine sends JSON, the most lenient. Names follow Marathon 1.10 (any
 * non-empty string, e.g. Portworx's "name=vol1,size=10"). Everywhere: no control characters, no leading "-".
 */
import type { DryRunMountParams, EngineName } from '../dryrun/contract';
import { CONTROL, firstModuleProhibited, loneSurrogate, firstShellAfterModule, firstShellSpecial, showChar } from './characters';

export type ProblemKind = 'unsafe' | 'agent-refuses';

export interface RequestProblem {
  /** Path of the offending field: ['name'], ['options', '<key>'], ['containerPath'] … */
  field: string[];
  message: string;
  kind: ProblemKind;
}

export const ENGINE_NAMES: readonly EngineName[] = ['docker-volume', 'dvdi-module', 'plugin'];
const MAX_NAME = 255;
const MAX_VALUE = 4096;

const unsafe = (field: string[], message: string): RequestProblem => ({ field, message, kind: 'unsafe' });
const refuses = (field: string[], message: string): RequestProblem => ({ field, message, kind: 'agent-refuses' });
const usesDvdcli = (engine: EngineName) => engine !== 'plugin';

/** Empty, too long, a control character, an unpaired surrogate, a leading "-": refused for every engine. */
function everywhere(field: string[], what: string, value: string, max = MAX_NAME): RequestProblem | undefined {
  if (value.length === 0) return unsafe(field, `${what} is empty`);
  if (value.length > max) return unsafe(field, `${what} is ${value.length} characters; the limit is ${max}`);
  const c = CONTROL.exec(value);
  if (c) return unsafe(field, `${what} contains ${showChar(c[0])} (a control character), which would end or split the argument`);
  const s = loneSurrogate(value);
  if (s !== undefined) return unsafe(field, `${what} contains an unpaired surrogate (${s}), which reaches dvdcli or the plugin as U+FFFD, a different name than the one checked`);
  if (value.startsWith('-')) return unsafe(field, `${what} starts with "-", so dvdcli would read it as a flag (e.g. "--volumedriver=x")`);
  return undefined;
}

/**
 * The volume-name rules every engine shares (issue 8): besides everywhere(), no "/" and not "." or "..". Plugins
 * use the name as a path component (rclone mounts at <base-dir>/<name>, REX-Ray at <lib>/volumes/<name>), so these
 * could make the plugin mount outside its own directory. The module prohibits "/" itself (an agent-refuses
 * verdict, below) but lets "." and ".." through to dvdcli. Exported so each engine re-checks the exact string it
 * puts into argv, the shell command or the JSON body (engines/guard.ts).
 */
export function unsafeVolumeName(name: string): RequestProblem | undefined {
  const f = ['name'];
  const e = everywhere(f, 'name', name);
  if (e) return e;
  if (name === '.' || name === '..') return unsafe(f, `name ${JSON.stringify(name)} is a directory reference; the plugin would mount its own base dir or its parent`);
  return undefined;
}

/** For the dvdi-module engine: the module's own refusal, or a character the module lets through to `sh -c`. */
function moduleChars(field: string[], envName: string, value: string, shown: string): RequestProblem | undefined {
  const bad = firstModuleProhibited(value);
  if (bad !== undefined) {
    return refuses(field, `mesos-module-dvdi rejects ${envName} ${JSON.stringify(shown)}: character ${showChar(bad)} is prohibited there, so prepare() fails before dvdcli runs`);
  }
  const sh = firstShellAfterModule(value);
  if (sh !== undefined) return unsafe(field, `${JSON.stringify(shown)} contains ${showChar(sh)}, which the module passes to sh -c unquoted (globbing, subshell or comment); the bridge does not run it`);
  return undefined;
}

/** Driver names are plugin socket names (`<plugin dir>/<driver>.sock`, dvdi-bridge.md §3.2): the same rule for every engine. */
export function checkDriverName(driver: string): RequestProblem | undefined {
  const f = ['driver'];
  const e = everywhere(f, 'driver', driver);
  if (e) return e;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(driver)) {
    return unsafe(f, 'driver may only contain letters, digits, "_", "." and "-" (it names a plugin socket file; "/" or ":" would reach outside the plugin directory)');
  }
  return undefined;
}

function checkVolumeName(name: string, engine: EngineName): RequestProblem | undefined {
  const f = ['name'];
  const e = unsafeVolumeName(name);
  if (e) return e;
  if (engine === 'dvdi-module') return moduleChars(f, 'DVDI_VOLUME_NAME', name, name);
  if (name.includes('/')) return unsafe(f, 'name contains "/"; plugins use the name as a directory under their base dir, so it could mount outside it');
  return undefined;
}

function checkOption(key: string, value: string, engine: EngineName): RequestProblem | undefined {
  const f = ['options', key];
  const k = everywhere(f, 'option key', key);
  if (k) return k;
  const c = CONTROL.exec(value);
  if (c) return unsafe(f, `option value contains ${showChar(c[0])} (a control character), which would end or split the argument`);
  if (loneSurrogate(value) !== undefined) return unsafe(f, 'option value contains an unpaired surrogate, which reaches dvdcli or the plugin as U+FFFD, a different value than the one checked');
  if (value.length > MAX_VALUE) return unsafe(f, `option value is ${value.length} characters; the limit is ${MAX_VALUE}`);
  if (!usesDvdcli(engine)) return undefined; // JSON carries any string to the plugin's Create intact
  if (engine === 'dvdi-module') {
    const m = moduleChars(f, 'DVDI_VOLUME_OPTS item', `${key}=${value}`, `${key}=${value}`);
    if (m) return m;
  }
  // dvdcli's --volumeopts is a pflag StringSlice (CSV-read, so "," splits and '"' quotes) and each item is split
  // on "=" with only the first two parts kept (dvdi-bridge.md §3.4).
  if (/[=,]/.test(key)) return unsafe(f, 'option key contains "=" or ","; dvdcli splits --volumeopts on both, so the key would be cut');
  if (key.includes('"') || value.includes('"')) return unsafe(f, 'option contains \'"\', which dvdcli\'s CSV reading of --volumeopts treats as quoting');
  if (value.includes(',')) return unsafe(f, 'option value contains ",", which dvdcli splits into a separate option (so "a,b=c" would inject option "b")');
  if (value.includes('=')) return unsafe(f, 'option value contains "=", where dvdcli truncates the value (label=a=b sends "a")');
  return undefined;
}

/**
 * containerPath is never passed to dvdcli. Mesos' docker/volume isolator mounts a relative path inside the
 * sandbox (Marathon 1.5+ accepts `data/pg`), so only the module's rules refuse anything beyond the basics.
 */
function checkContainerPath(path: string, engine: EngineName): RequestProblem | undefined {
  const f = ['containerPath'];
  if (path.length > MAX_VALUE) return unsafe(f, `containerPath is ${path.length} characters; the limit is ${MAX_VALUE}`);
  const c = CONTROL.exec(path);
  if (c) return unsafe(f, `containerPath contains ${showChar(c[0])} (a control character)`);
  if (loneSurrogate(path) !== undefined) return unsafe(f, 'containerPath contains an unpaired surrogate (it would become U+FFFD on the way to the agent)');
  if (path.split('/').includes('..')) return unsafe(f, 'containerPath contains "..", which would escape the container root or sandbox');
  if (engine !== 'dvdi-module' || path === '') return undefined;
  if (!path.startsWith('/')) {
    return refuses(f, `mesos-module-dvdi: "prepare() failed, containerpaths must start with /" (got ${JSON.stringify(path)}); only the docker/volume isolator mounts a relative containerPath (inside the sandbox): use an absolute path or that engine`);
  }
  const sh = firstShellSpecial(path);
  if (sh !== undefined) {
    return refuses(f, `mesos-module-dvdi binds the volume with "mount -n --rbind <mountpoint> ${path}" run through a shell and does not check containerPath's characters; ${showChar(sh)} would be interpreted there`);
  }
  return undefined;
}

/** First problem with a request whose field types are already known to be right, for `engine`. */
export function checkVolumeRequest(p: DryRunMountParams, engine: EngineName): RequestProblem | undefined {
  const d = checkDriverName(p.driver) ?? checkVolumeName(p.name, engine);
  if (d) return d;
  for (const [k, v] of Object.entries(p.options ?? {})) {
    const o = checkOption(k, v, engine);
    if (o) return o;
  }
  return p.containerPath === undefined ? undefined : checkContainerPath(p.containerPath, engine);
}

/** Field types, for callers of the runner that did not come through the transport's schema check. */
export function checkRequestShape(p: unknown): RequestProblem | undefined {
  const o = p as Partial<Record<keyof DryRunMountParams, unknown>> | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o)) return unsafe([], 'params must be an object like {"driver": "rexray", "name": "vol1"}');
  for (const k of ['driver', 'name'] as const) if (typeof o[k] !== 'string') return unsafe([k], `${k} is required and must be a string`);
  if (o.options !== undefined) {
    if (typeof o.options !== 'object' || o.options === null || Array.isArray(o.options)) return unsafe(['options'], 'options must be an object of string keys to string values, e.g. {"size":"5"}');
    for (const [k, v] of Object.entries(o.options)) if (typeof v !== 'string') return unsafe(['options', k], `option ${k} must be a string value (got ${typeof v})`);
  }
  if (o.containerPath !== undefined && typeof o.containerPath !== 'string') return unsafe(['containerPath'], 'containerPath must be a string');
  if (o.mode !== undefined && o.mode !== 'RW' && o.mode !== 'RO') return unsafe(['mode'], `mode must be "RW" or "RO", got ${JSON.stringify(o.mode)}`);
  if (o.engine !== undefined && !ENGINE_NAMES.includes(o.engine as EngineName)) return unsafe(['engine'], `engine must be one of ${ENGINE_NAMES.join(', ')}; got ${JSON.stringify(o.engine)}`);
  return undefined;
}
