/**
 * Docker's `-v` / `--volume` syntax as its Linux parser reads it (moby `volume/mounts/linux_parser.go`
 * `ParseMountRaw`): `[source:]destination[:mode]`, split on ":" into one to three parts; with two parts the second
 * is a mode when it is a valid one. A source that is not an absolute path names a volume, which the volume
 * driver creates on first use. Portworx reads options written into the name: `name=pgdata,size=10,repl=2`.
 */
import { quoted } from '../quoted';

export interface VolumeSpec {
  /** Volume name (named volume), host path (bind mount), or undefined (anonymous volume). */
  source: string | undefined;
  named: boolean;
  destination: string;
  /** Mode items as written, e.g. ["ro"], ["rw", "z"]. */
  modes: string[];
  readOnly: boolean;
  /** Portworx-style inline options when the name is `key=value,…`: the `name` item becomes `volumeName`. */
  inline: Record<string, string> | undefined;
  /** The name the driver is asked for (the `name=` item of an inline spec, else the source). */
  volumeName: string | undefined;
}

export type VolumeSpecResult = { ok: true; spec: VolumeSpec } | { ok: false; reason: string };

const accessModes = new Set(['rw', 'ro']);
const labelModes = new Set(['z', 'Z']);
const propagationModes = new Set(['shared', 'rshared', 'slave', 'rslave', 'private', 'rprivate']);
const consistencyModes = new Set(['consistent', 'cached', 'delegated']);
const copyModes = new Set(['nocopy']);

function modeProblem(mode: string, named: boolean): string | undefined {
  const items = mode.split(',');
  const seen = { access: 0, label: 0, propagation: 0, consistency: 0, copy: 0 };
  for (const item of items) {
    if (accessModes.has(item)) seen.access++;
    else if (labelModes.has(item)) seen.label++;
    else if (propagationModes.has(item)) seen.propagation++;
    else if (consistencyModes.has(item)) seen.consistency++;
    else if (copyModes.has(item)) seen.copy++;
    else return `${quoted(item)} is not a mount mode (ro, rw, z, Z, nocopy, a propagation or a consistency mode)`;
  }
  if (seen.access > 1 || seen.label > 1 || seen.propagation > 1 || seen.consistency > 1 || seen.copy > 1) return `mode ${quoted(mode)} repeats a kind of mode`;
  if (seen.copy > 0 && !named) return '"nocopy" only applies to named volumes';
  return undefined;
}

function isValidMode(mode: string): boolean {
  return mode !== '' && modeProblem(mode, true) === undefined;
}

/** Portworx inline options: `k=v,k=v` (values without "," or ":"); undefined when the name is plain. */
function inlineOptions(name: string): Record<string, string> | undefined {
  if (!name.includes('=')) return undefined;
  const out: Record<string, string> = {};
  for (const item of name.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return undefined;
    out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}

export function parseVolumeSpec(raw: string): VolumeSpecResult {
  if (raw.trim() === '') return { ok: false, reason: 'it is empty' };
  if (raw !== raw.trim()) return { ok: false, reason: 'it has leading or trailing white space, which Docker keeps in the path' };
  const parts = raw.split(':');
  let source: string | undefined;
  let destination: string;
  let mode = '';
  if (parts.length === 1) destination = parts[0];
  else if (parts.length === 2) {
    if (isValidMode(parts[1])) [destination, mode] = parts as [string, string];
    else [source, destination] = parts as [string, string];
  } else if (parts.length === 3) [source, destination, mode] = parts as [string, string, string];
  else return { ok: false, reason: `it has ${parts.length - 1} ":" where Docker allows at most 2 (source:destination:mode)` };
  if (source === '') return { ok: false, reason: 'the source before the first ":" is empty' };
  if (destination === '') return { ok: false, reason: 'the path inside the container is empty' };
  if (!destination.startsWith('/')) return { ok: false, reason: `the path inside the container, ${quoted(destination)}, is not absolute` };
  if (destination === '/') return { ok: false, reason: 'the path inside the container is "/"' };
  const named = source !== undefined && !source.startsWith('/');
  if (parts.length === 3 || mode !== '') {
    const problem = modeProblem(mode, named);
    if (problem) return { ok: false, reason: problem };
  }
  const modes = mode === '' ? [] : mode.split(',');
  const inline = named && source !== undefined ? inlineOptions(source) : undefined;
  const volumeName = inline ? inline.name : source;
  return { ok: true, spec: { source, named, destination, modes, readOnly: modes.includes('ro'), inline, volumeName } };
}
