/**
 * Completion and hover for the Docker containerizer's `container.docker.parameters` (`{key, value}` items), above
 * all the volume form: `volume-driver` → the known plugins, `volume` → `name:/path` (Portworx's inline spec for pxd),
 * `env` → NAME=value. Pure: the caller (completion.ts, hover.ts) places the items and the text.
 */
import { knownDrivers, findDriver } from '../model/drivers/index';
import { parameterKey, parameterKeys } from '../model/docker/parameterKeys';
import { parseVolumeSpec } from '../model/docker/volumeSpec';
import { isObject } from '../model/documentModel';
import type { JsonPath } from './jsonTree';

export interface ParameterSuggestion {
  label: string;
  /** Snippet text for the JSON string's content (the caller quotes it). */
  snippet: string;
  detail: string;
  documentation?: string;
}

/** When `path` is the `key` or `value` of a docker parameter item: which one, and the item's pointer-free path. */
function parameterSlot(path: JsonPath): { slot: 'key' | 'value'; itemPath: JsonPath } | undefined {
  const last = path[path.length - 1];
  if ((last !== 'key' && last !== 'value') || typeof path[path.length - 2] !== 'number' || path[path.length - 3] !== 'parameters' || path[path.length - 4] !== 'docker') return undefined;
  return { slot: last, itemPath: path.slice(0, -1) };
}

function valueAtPath(root: unknown, path: JsonPath): unknown {
  let v = root;
  for (const t of path) v = Array.isArray(v) && typeof t === 'number' ? v[t] : isObject(v) ? v[String(t)] : undefined;
  return v;
}

/** The `volume-driver` the item's container uses (the last one), if any. */
function driverOfParameters(root: unknown, itemPath: JsonPath): string | undefined {
  const params = valueAtPath(root, itemPath.slice(0, -1));
  let driver: string | undefined;
  if (Array.isArray(params)) for (const p of params) if (isObject(p) && p.key === 'volume-driver' && typeof p.value === 'string') driver = p.value.trim();
  return driver;
}

export function parameterSuggestions(root: unknown, path: JsonPath): ParameterSuggestion[] {
  const at = parameterSlot(path);
  if (!at) return [];
  if (at.slot === 'key') return parameterKeys.map((k) => ({ label: k.key, snippet: k.key, detail: 'docker run flag', documentation: k.description }));
  const item = valueAtPath(root, at.itemPath);
  const key = isObject(item) && typeof item.key === 'string' ? item.key.trim() : '';
  if (key === 'volume-driver') {
    return [
      ...knownDrivers.map((d) => ({ label: d.name, snippet: d.name, detail: 'volume plugin', documentation: d.description })),
      { label: 'local', snippet: 'local', detail: 'volume plugin', documentation: "Docker's built-in driver: a directory on the agent, lost when the task moves." },
    ];
  }
  if (key === 'volume') {
    const out: ParameterSuggestion[] = [
      { label: 'name:/path', snippet: '${1:name}:${2:/data}', detail: 'named volume of the volume driver' },
      { label: 'name:/path:ro', snippet: '${1:name}:${2:/data}:ro', detail: 'named volume, read-only' },
    ];
    if (driverOfParameters(root, at.itemPath) === 'pxd') {
      out.unshift({ label: 'name=…,size=…,repl=…:/path', snippet: 'name=${1:vol},size=${2:10},repl=${3:2}:${4:/data}', detail: 'Portworx inline volume spec', documentation: 'Portworx creates the volume with these options on first use.' });
    }
    return out;
  }
  const known = parameterKey(key);
  return known?.valueSnippet ? [{ label: known.valueSnippet.replace(/\$\{\d+:([^}]*)\}/g, '$1').replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1'), snippet: known.valueSnippet, detail: `--${key}` }] : [];
}

/** Markdown for hovering a parameter's key or value; undefined when the path is not one. */
export function parameterHover(root: unknown, path: JsonPath): string | undefined {
  const at = parameterSlot(path);
  if (!at) return undefined;
  const item = valueAtPath(root, at.itemPath);
  if (!isObject(item) || typeof item.key !== 'string') return undefined;
  const key = item.key.trim();
  const known = parameterKey(key);
  const lines = [`**--${key}** — docker run flag`];
  if (known) lines.push(known.description);
  const value = typeof item.value === 'string' ? item.value : undefined;
  if (at.slot === 'value' && value !== undefined) {
    if (key === 'volume-driver') {
      const d = findDriver(value.trim());
      if (d) lines.push(`**${d.name}**: ${d.description}`, ...(d.notes ?? []));
    } else if (key === 'volume') {
      const parsed = parseVolumeSpec(value);
      if (!parsed.ok) lines.push(`Not a volume Docker can read: ${parsed.reason}.`);
      else {
        const s = parsed.spec;
        const what = s.source === undefined ? 'an anonymous volume' : s.named ? `the volume \`${s.volumeName ?? s.source}\` of the volume driver (${driverOfParameters(root, at.itemPath) ?? "none set: Docker's local driver"})` : `the agent path \`${s.source}\``;
        lines.push(`Mounts ${what} at \`${s.destination}\`, ${s.readOnly ? 'read-only' : 'read-write'}.`);
        if (s.inline) {
          const pxd = findDriver('pxd');
          const opts = Object.entries(s.inline).filter(([k]) => k !== 'name');
          if (opts.length) lines.push('Inline options: ' + opts.map(([k, v]) => `\`${k}=${v}\`${pxd?.options.find((o) => o.key === k) ? ` (${pxd.options.find((o) => o.key === k)!.description})` : ''}`).join(', '));
        }
      }
    }
  }
  return lines.join('\n\n');
}
