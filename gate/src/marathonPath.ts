/**
 * RFC 6901 pointers (the engine's) → validation paths as Marathon writes them in a 422 body
 * (../shared/reference/marathon-api.md §13, wix-accord's renderer): a field is `/name`, a collection index is
 * `(i)` with no slash, an empty path is `/`. Keys holding a slash are hand-written labels in Marathon's
 * validators: `options("dvdi/driver")` for the driver check, `options/"dvdi/volumetype"` for the other dvdi
 * options, and an invalid option key is addressed by its position, `options/keys(n)` (marathon-rules.md,
 * rows dvdi-driver-required, rexray-option-*, external-volume-option-key).
 */
import { pointerTokens } from '@marathon-devtools/language-server';

/**
 * Renders `pointer` into Marathon's form, walking `doc` to tell array indexes from object keys. `message`, the
 * finding's text, names the field a schema `required` finding is about (see `missingRequired`).
 */
export function marathonPath(pointer: string, doc: unknown, ruleId = '', message = ''): string {
  const tokens = pointerTokens(fieldPointer(ruleId, pointer, message));
  let out = '';
  let value: unknown = doc;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const parent = value;
    if (Array.isArray(parent) && /^(0|[1-9]\d*)$/.test(t)) {
      out += `(${t})`;
      value = parent[Number(t)];
      continue;
    }
    value = typeof parent === 'object' && parent !== null ? (parent as Record<string, unknown>)[t] : undefined;
    const inOptions = tokens[i - 1] === 'options';
    if (inOptions && ruleId === 'external-volume-option-key' && typeof parent === 'object' && parent !== null) {
      out += `/keys(${Math.max(0, Object.keys(parent).indexOf(t))})`;
    } else if (inOptions && t === 'dvdi/driver') out += '("dvdi/driver")';
    else if (t.includes('/')) out += `/"${t}"`;
    else out += '/' + t;
  }
  return out === '' ? '/' : out;
}

/**
 * Where the engine and Marathon put a finding differ for a few rules: the engine points where an editor should
 * underline, Marathon at what its validator described. Missing fields: Marathon names the field itself
 * (marathon-api.md §13 case 1, `/container/volumes(0)/external/name`; marathon-rules.md's dvdi-driver-required and
 * docker-container-requires-docker rows). Whole-object rules: Marathon renders `/` (marathon-api.md §13 case 3) while the engine points at the missing `cmd`.
 */
const missingField: Record<string, { at: string; field: string }> = {
  'external-volume-name-required': { at: '/external', field: '/name' },
  'external-volume-provider-required': { at: '/external', field: '/provider' },
  'dvdi-driver-required': { at: '/external', field: '/options/dvdi~1driver' },
  // marathon-rules.md's row: `not defined` (path `/container/docker`).
  'docker-container-requires-docker': { at: '/container', field: '/docker' },
  // The JSON reader's `'resources' is undefined on object` names the field (marathon-rules.md §1); the engine
  // points at the container, whatever its index.
  'pod-container-resources-required': { at: '', field: '/resources' },
};
const wholeObject: Record<string, string> = { 'app-cmd-args-container': '/cmd' };

/**
 * A required field left out: the engine points at the object that lacks it, Marathon's JSON reader (play-json's
 * `(__ \ "id")`) names the field itself, `'id' is undefined on object: {}` at `/id` (marathon-rules.md §1 and
 * marathon-rules.md §1.1: `/container/volumes(0)/hostPath`). The schema finding's text is the engine's one template for it
 * (language-server/src/core/schemaMessages.ts: `… has no "<name>", which Marathon requires …. Add "<name>".`).
 */
const missingRequired = /has no "(.+?)", which \S+ requires [^]*?\. Add "\1"\./;

function fieldPointer(ruleId: string, pointer: string, message = ''): string {
  if (ruleId === 'schema') {
    const name = missingRequired.exec(message)?.[1];
    return name === undefined ? pointer : `${pointer}/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`;
  }
  const whole = wholeObject[ruleId];
  if (whole !== undefined && pointer.endsWith(whole)) return pointer.slice(0, -whole.length);
  const m = missingField[ruleId];
  if (!m) return pointer;
  if (pointer.endsWith(m.at) && !pointer.endsWith(m.field)) return pointer + m.field;
  if (ruleId === 'dvdi-driver-required' && pointer.endsWith('/external/options')) return pointer + '/dvdi~1driver';
  return pointer;
}

/** The JSON pointer of `pointer` relative to `base` ("" when equal), or undefined when it lies outside. */
export function relativePointer(pointer: string, base: string): string | undefined {
  if (base === '') return pointer;
  if (pointer === base) return '';
  return pointer.startsWith(base + '/') ? pointer.slice(base.length) : undefined;
}
