/**
 * The policy file: JSON object keyed by token name (as in the token file), plus an optional "*" entry for
 * tokens not listed. Each entry is the contract's Policy. Without a policy file every token gets SAFE_DEFAULT:
 * any driver and name, but never create and never a destructive option, so a dry run cannot change storage.
 * With a policy file, a token that has neither its own entry nor a "*" entry is a startup error rather than a
 * silent default: the operator wrote a policy, so a token outside it is more likely a mistake than an intent.
 */
import { readFileSync } from 'node:fs';
import { checkDriverAndName, type Policy } from '../dryrun/index';

export const SAFE_DEFAULT: Policy = Object.freeze({ allowCreate: false, allowDestructiveOptions: [] }) as Policy;

export class PolicyFileError extends Error {}

const KNOWN = new Set(['allowedDrivers', 'volumeNamePatterns', 'allowCreate', 'allowDestructiveOptions']);

function stringArray(v: unknown, where: string): string[] {
  if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
    throw new PolicyFileError(`${where} must be an array of strings`);
  }
  return v as string[];
}

function parseEntry(v: unknown, where: string): Policy {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) {
    throw new PolicyFileError(`${where} must be an object with allowedDrivers, volumeNamePatterns, allowCreate, allowDestructiveOptions`);
  }
  const o = v as Record<string, unknown>;
  for (const k of Object.keys(o)) {
    if (!KNOWN.has(k)) throw new PolicyFileError(`${where}.${k} is not a policy field (known: ${[...KNOWN].join(', ')}); a typo here would silently widen or narrow access`);
  }
  const policy: Policy = { allowCreate: false, allowDestructiveOptions: [] };
  if (o.allowedDrivers !== undefined) policy.allowedDrivers = stringArray(o.allowedDrivers, `${where}.allowedDrivers`);
  if (o.volumeNamePatterns !== undefined) {
    policy.volumeNamePatterns = stringArray(o.volumeNamePatterns, `${where}.volumeNamePatterns`);
    policy.volumeNamePatterns.forEach((p, i) => {
      try {
        new RegExp(p);
      } catch (e) {
        throw new PolicyFileError(`${where}.volumeNamePatterns[${i}] is not a valid regular expression: ${(e as Error).message}`);
      }
    });
  }
  if (o.allowCreate !== undefined) {
    if (typeof o.allowCreate !== 'boolean') throw new PolicyFileError(`${where}.allowCreate must be true or false`);
    policy.allowCreate = o.allowCreate;
  }
  if (o.allowDestructiveOptions !== undefined) {
    policy.allowDestructiveOptions = stringArray(o.allowDestructiveOptions, `${where}.allowDestructiveOptions`);
  }
  return policy;
}

export type PolicyResolver = (tokenName: string) => Policy;

export function parsePolicy(text: string, tokenNames: string[], source = 'policy file'): PolicyResolver {
  let json: unknown;
  try {
    // A byte-order mark (editors on Windows write one) is no JSON, and JSON.parse's complaint shows an invisible character.
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new PolicyFileError(`${source} is not valid JSON: ${(e as Error).message}`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new PolicyFileError(`${source} must be a JSON object keyed by token name (or "*"), e.g. {"ci": {"allowedDrivers": ["rexray"]}}`);
  }
  const table = new Map<string, Policy>();
  for (const [name, entry] of Object.entries(json)) {
    if (name.startsWith('$')) continue; // "$comment", "$schema": documentation, not a token
    table.set(name, parseEntry(entry, `${source}: "${name}"`));
  }
  for (const n of tokenNames) {
    if (!table.has(n) && !table.has('*')) {
      throw new PolicyFileError(`${source} has no entry for token "${n}" and no "*" entry; add one of them so this token's rights are explicit`);
    }
  }
  for (const n of table.keys()) {
    if (n !== '*' && !tokenNames.includes(n)) {
      throw new PolicyFileError(`${source}: entry "${n}" names no token in the token file (tokens: ${tokenNames.join(', ')}); fix the name or remove the entry`);
    }
  }
  return (name) => table.get(name) ?? table.get('*') ?? SAFE_DEFAULT;
}

export function loadPolicy(path: string | undefined, tokenNames: string[]): PolicyResolver {
  if (path === undefined) return () => SAFE_DEFAULT;
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new PolicyFileError(`cannot read policy file ${path}: ${(e as Error).message}`);
  }
  return parsePolicy(text, tokenNames, path);
}

/**
 * The part of a policy the transport can decide without knowing drivers (defence in depth: the runner enforces
 * the whole policy too, including allowCreate, which the contract says is "not honoured" rather than refused,
 * and destructive options, which only the runner knows). Returns why the request is refused, or undefined.
 */
export function policyRefusal(policy: Policy, req: { driver: string; name?: string }): string | undefined {
  return checkDriverAndName(policy, req)?.message;
}
