/**
 * Refuses request fields that could change the meaning of dvdcli's argv or the module's shell string before
 * anything runs: a leading "-" becomes a flag, shell metacharacters and whitespace split or chain commands in
 * `sh -c`, "," splits one --volumeopts into several (pflag CSV), a second "=" truncates the value (§3.4), NUL
 * or a newline cut the argument. Names follow Docker's volume-name rule; values get a path-friendly allow-list
 * so `path=/srv/x` still works for the docker/volume isolator (the module has stricter rules of its own).
 */
import type { DryRunMountParams } from './contract';

export interface Refusal {
  field: string;
  message: string;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const OPTION_KEY = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
const OPTION_VALUE = /^[A-Za-z0-9_.:/@+-]*$/;

function describeChar(s: string, allowed: RegExp): string {
  for (const ch of s) {
    if (!allowed.test(`a${ch}`) && !allowed.test(ch)) {
      const names: Record<string, string> = { '\0': 'NUL', '\n': 'newline', '\r': 'carriage return', '\t': 'tab', ' ': 'space' };
      return names[ch] ?? JSON.stringify(ch);
    }
  }
  return 'a leading character';
}

function checkName(field: string, value: unknown): Refusal | undefined {
  if (typeof value !== 'string' || value === '') return { field, message: `${field} is required and must be a non-empty string` };
  if (value.startsWith('-')) return { field, message: `${field} ${JSON.stringify(value)} starts with "-", so dvdcli would read it as a flag; volume and driver names must start with a letter or digit` };
  if (!NAME.test(value)) {
    return { field, message: `${field} ${JSON.stringify(value)} contains ${describeChar(value, /^[A-Za-z0-9_.-]+$/)}, which could inject into dvdcli's argv or the module's shell string; use only letters, digits, "_", ".", "-"` };
  }
  return undefined;
}

/** First problem with the request's fields, or undefined. Pure: no I/O. */
export function validateParams(p: DryRunMountParams): Refusal | undefined {
  const bad = checkName('driver', p.driver) ?? checkName('name', p.name);
  if (bad) return bad;
  if (p.options !== undefined && (p.options === null || typeof p.options !== 'object' || Array.isArray(p.options))) {
    return { field: 'options', message: 'options must be an object of string keys to string values, e.g. {"size":"5"}' };
  }
  for (const [k, v] of Object.entries(p.options ?? {})) {
    const field = `options.${k}`;
    if (k.includes('=') || k.includes(',')) {
      return { field, message: `option key ${JSON.stringify(k)} contains "${k.includes('=') ? '=' : ','}": dvdcli would split it into an item without "=" and panic (exit 2) or send a different key; give each option as its own key` };
    }
    if (!OPTION_KEY.test(k)) return { field, message: `option key ${JSON.stringify(k)} contains ${describeChar(k, /^[A-Za-z0-9_.-]+$/)}; keys must be letters, digits, "_", ".", "-" and not start with "-"` };
    if (typeof v !== 'string') return { field, message: `option ${k} must be a string value (got ${typeof v}); write it as "${String(v)}"` };
    if (v.includes('=')) return { field, message: `option ${k}=${JSON.stringify(v)} has a second "=": dvdcli truncates the value at it and would send ${JSON.stringify(v.split('=')[0])}; the agent cannot pass this value` };
    if (v.includes(',')) return { field, message: `option ${k}=${JSON.stringify(v)} contains ",": dvdcli and the module split on commas, so the item after it has no "=" (dvdcli panics, exit 2); the agent cannot pass this value` };
    if (!OPTION_VALUE.test(v)) {
      return { field, message: `option ${k}=${JSON.stringify(v)} contains ${describeChar(v, /^[A-Za-z0-9_.:/@+-]+$/)}, which could inject into the module's shell string or dvdcli's argv; use letters, digits and "_.:/@+-"` };
    }
  }
  if (p.containerPath !== undefined && (typeof p.containerPath !== 'string' || /[\0\n\r]/.test(p.containerPath))) {
    return { field: 'containerPath', message: 'containerPath must be a string without NUL or line breaks' };
  }
  if (p.mode !== undefined && p.mode !== 'RW' && p.mode !== 'RO') return { field: 'mode', message: `mode must be "RW" or "RO", got ${JSON.stringify(p.mode)}` };
  if (p.engine !== undefined && !['docker-volume', 'dvdi-module', 'plugin'].includes(p.engine)) {
    return { field: 'engine', message: `engine must be one of docker-volume, dvdi-module, plugin; got ${JSON.stringify(p.engine)}` };
  }
  return undefined;
}
