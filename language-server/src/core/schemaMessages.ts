/**
 * One message template per ajv keyword. For Marathon's documents each quotes Marathon's JSON-layer code first
 * (play-json / RAML reader, marathon-rules.md §1); a Chronos job is read by Chronos's Jackson deserializer, which has
 * no such codes (chronos-job.md §2), so its findings name Chronos and quote nothing. Then what is wrong with which
 * field and value, why, and what to do.
 */
import type { DocumentKind, Fix } from './types';
import { readerOf, type Reader } from './kind';
import { joinPointer } from '../model/documentModel';
import { nearest } from '../model/nearest';
import { pointerTokens, valueAt } from './pointer';
import { describeType, fieldPath, preview } from './preview';
import type { SchemaIssue } from './schemaExplain';
import { patternNodeText } from './schemaDescriptions';

export interface SchemaMessage {
  message: string;
  /** Where the finding goes; differs from the issue's instancePath for unknown properties. */
  pointer: string;
  target?: 'key' | 'value';
  /** Marathon ignores unknown fields, so those are warnings by default. */
  severity?: 'warning';
  fix?: Fix;
}

const marathonType: Record<string, string> = {
  string: 'error.expected.jsstring',
  number: 'error.expected.jsnumber',
  integer: 'error.expected.int',
  boolean: 'error.expected.jsboolean',
  array: 'error.expected.jsarray',
  object: 'error.expected.jsobject',
};

/** What each reader says about a value of the wrong type or out of range; which reader a kind has is `readerOf`. */
interface ReaderWords {
  /** Prefix quoting the reader's own error code, e.g. "error.expected.jsstring: " (Marathon's only). */
  code(code: string): string;
  document: string;
  wrongType(expected: string): string;
  outOfRange: string;
}

const readerWords: Record<Reader, ReaderWords> = {
  Marathon: {
    code: (code) => `${code}: `,
    document: 'the document',
    wrongType: () => 'Marathon cannot read the document until it is.',
    outOfRange: 'Marathon rejects it when reading the document.',
  },
  // Chronos reads fields with Jackson's lenient accessors: a value of another type is converted, dropped or fails.
  Chronos: {
    code: () => '',
    document: 'the job',
    wrongType: (expected) => `Chronos reads it only as ${expected}.`,
    outOfRange: 'Chronos passes it on unchecked, and the task fails to start.',
  },
};

const article: Record<string, string> = {
  string: 'a string', number: 'a number', integer: 'an integer (a whole number)', boolean: 'a boolean (true or false)',
  array: 'an array', object: 'an object', null: 'null',
};

/** "Host volume" → "a host volume", "External volume" → "an external volume". */
function withArticle(noun: string): string {
  const lower = noun.charAt(0).toLowerCase() + noun.slice(1);
  return `${/^[aeiou]/.test(lower) ? 'an' : 'a'} ${lower}`;
}

function orList(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function typeHint(expected: readonly string[], v: unknown): string {
  if (typeof v === 'string' && (expected.includes('number') || expected.includes('integer')) && v.trim() !== '' && !Number.isNaN(Number(v)))
    return `Remove the quotes: ${v.trim()}.`;
  if (typeof v === 'string' && expected.includes('boolean') && /^(true|false)$/i.test(v)) return `Remove the quotes: ${v.toLowerCase()}.`;
  if (typeof v === 'number' && expected.includes('integer') && !expected.includes('number')) return 'Use a whole number.';
  if ((typeof v === 'number' || typeof v === 'boolean') && expected.includes('string')) return `Put it in double quotes: "${String(v)}".`;
  if (expected.includes('array') && !Array.isArray(v)) return 'Wrap the value in [ ] to make it a list.';
  return `Change it to ${orList(expected.map((t) => article[t] ?? t))}.`;
}

/** A JSON number literal, the only quoted text whose quotes can simply go. */
const jsonNumber = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

/** The edit the type hint describes, when it yields a value of an expected type (a quoted 0.5, a quoted true, an unquoted name). */
function typeFix(expected: readonly string[], v: unknown, pointer: string): Fix | undefined {
  let value: unknown;
  if (typeof v === 'string' && jsonNumber.test(v.trim())) {
    const n = Number(v.trim());
    if (expected.includes('number') || (expected.includes('integer') && Number.isInteger(n))) value = n;
  } else if (typeof v === 'string' && expected.includes('boolean') && /^(true|false)$/i.test(v)) value = v.toLowerCase() === 'true';
  else if ((typeof v === 'number' || typeof v === 'boolean') && expected.includes('string')) value = String(v);
  if (value === undefined) return undefined;
  const title = typeof value === 'string' ? `Put it in double quotes: ${JSON.stringify(value)}` : `Remove the quotes: ${JSON.stringify(value)}`;
  return { title, edits: [{ op: 'replace', pointer, value }] };
}

/** The kind tells which schema the issue's schemaPath points into (for descriptions); 'unknown' means none. */
/** Regexes longer than this are cut when a description already says in words what they allow. */
const maxShownPattern = 60;

/**
 * Marathon's code first, then the schema's own words for what the field takes (its `description`, and an example),
 * and the regex last: most patterns (path ids above all) are unreadable, so they only back up the words. The
 * `^(?:…)$` wrapper is our schemas' anchoring convention, not part of Marathon's regex, so it is left out.
 * `what` names the offending value or key (`"id" is "/Web_Server"`); `label` names the field for the description.
 */
function patternMessage(what: string, noun: 'value' | 'key', label: string, raw: string, schemaPath: string, kind: DocumentKind, v: unknown): string {
  const regex = /^\^\(\?:([\s\S]*)\)\$$/.exec(raw)?.[1] ?? raw;
  const node = patternNodeText(kind, schemaPath);
  // Only trust the node if it is the one ajv checked (same regex).
  const { description, example } = node?.pattern === raw ? node : {};
  const shown = description !== undefined && regex.length > maxShownPattern ? `${regex.slice(0, maxShownPattern - 1)}…` : regex;
  const words = description !== undefined ? ` ${label}: ${description.trim().replace(/([^.])$/, '$1.')}` : '';
  const eg = example !== undefined && example !== v ? `, e.g. ${JSON.stringify(example)}` : '';
  const reader = readerOf(kind);
  return (
    `${readerWords[reader].code('error.pattern')}${what}, which does not have the form ${reader} requires.${words} ` +
    `Change it to a ${noun} of that form${eg}. Pattern (the whole ${noun} must match): ${shown}`
  );
}

/**
 * `exactEnums`: the profile's Marathon reads this document's enums with Java `valueOf`, letter case and all (apps and
 * groups before 1.5: marathon-rules.md §1.1, rule enum-case), so "(in any letter case)" would be false there.
 */
export function schemaMessage(issue: SchemaIssue, root: unknown, kind: DocumentKind = 'unknown', exactEnums = false): SchemaMessage {
  const pointer = issue.instancePath;
  const tokens = pointerTokens(pointer);
  const field = fieldPath(pointer, tokens);
  const quoted = tokens.length === 0 ? 'The document' : `"${field}"`;
  const v = valueAt(root, pointer);
  const p = issue.params;
  const reader = readerOf(kind);
  const says = readerWords[reader];
  switch (issue.keyword) {
    case 'type': {
      // `null` is accepted wherever Marathon reads it as "absent"; naming it among the expected types only confuses.
      const all = String(p.type).split(',');
      const expected = all.length > 1 ? all.filter((t) => t !== 'null') : all;
      const code = expected.map((t) => marathonType[t]).filter(Boolean)[0] ?? 'error.expected';
      if (typeof v === 'number' && !Number.isFinite(v)) {
        // JSON.parse turns 1e400 into Infinity, which no schema number accepts: say it is too large, not "not a number".
        return { pointer, message: `${says.code(code)}${quoted} is a number too large to represent (it overflows to ${v}). ${reader} cannot read it either. Use a realistic value.` };
      }
      const wanted = orList(expected.map((t) => article[t] ?? t));
      const message = `${says.code(code)}${quoted} must be ${wanted}, but it is ${describeType(v)} (${preview(v)}). ${says.wrongType(wanted)} ${typeHint(expected, v)}`;
      const fix = typeFix(expected, v, pointer);
      return fix ? { pointer, message, fix } : { pointer, message };
    }
    case 'required': {
      const name = String(p.missingProperty);
      const where = tokens.length === 0 ? says.document : `"${field}"`;
      return {
        pointer,
        target: 'key',
        message: `${where} has no "${name}", which ${reader} requires ${typeof p.form === 'string' ? `in ${withArticle(p.form)}` : 'here'}. Add "${name}".`,
      };
    }
    case 'oneOfRequired': {
      const names = (p.missing as string[]).map((n) => `"${n}"`);
      const where = tokens.length === 0 ? says.document : `"${field}"`;
      return {
        pointer,
        target: 'key',
        message: `${where} needs one of ${orList(names)}, and has none, so ${reader} cannot tell which form it is. Add the one you meant.`,
      };
    }
    case 'enum':
    case 'const': {
      const allowed = (issue.keyword === 'const' ? [p.allowedValue] : (p.allowedValues as unknown[])) ?? [];
      const list = allowed.map((a) => JSON.stringify(a)).join(', ');
      const guess = typeof v === 'string' ? nearest(v, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
      const caseNote = issue.caseInsensitive && !exactEnums ? ' (in any letter case)' : '';
      const msg =
        `${says.code('error.unknown.enum.literal')}${quoted} is ${preview(v)}, which is not one of ${list}${caseNote}. ` +
        `${reader} rejects values it does not know. ${guess !== undefined ? `Did you mean "${guess}"?` : `Use one of ${list}.`}`;
      const fix: Fix | undefined =
        guess !== undefined ? { title: `Replace ${preview(v)} with "${guess}"`, edits: [{ op: 'replace', pointer, value: guess }] } : undefined;
      return fix ? { pointer, message: msg, fix } : { pointer, message: msg };
    }
    case 'minimum':
    case 'exclusiveMinimum':
    case 'maximum':
    case 'exclusiveMaximum': {
      const low = issue.keyword.endsWith('inimum');
      const strict = issue.keyword.startsWith('exclusive');
      const bound = `${strict ? (low ? 'more than' : 'less than') : low ? 'at least' : 'at most'} ${String(p.limit)}`;
      return {
        pointer,
        message: `${says.code(low ? 'error.min' : 'error.max')}${quoted} is ${preview(v)}, but must be ${bound}. ${says.outOfRange} Use a value ${bound}.`,
      };
    }
    case 'minLength':
    case 'maxLength': {
      const low = issue.keyword === 'minLength';
      const len = typeof v === 'string' ? v.length : 0;
      const what = low && len === 0 ? 'is empty' : `has ${len} characters`;
      return {
        pointer,
        message: `${says.code(`error.${issue.keyword}`)}${quoted} ${what}, but must have ${low ? 'at least' : 'at most'} ${String(p.limit)}. ${low ? 'Give it a value.' : 'Shorten it.'}`,
      };
    }
    case 'pattern':
      if (issue.schemaPath.includes('/definitions/datetime/'))
        return {
          pointer,
          message:
            `error.expected.date.isoformat: ${quoted} is ${preview(v)}, which is not an ISO-8601 date-time with an offset, so Marathon cannot ` +
            `read the document. Write it like "2021-01-01T00:00:00.000Z", or remove it (Marathon ignores it on create).`,
        };
      return { pointer, message: patternMessage(`${quoted} is ${preview(v)}`, 'value', field, String(p.pattern), issue.schemaPath, kind, v) };
    case 'propertyNames': {
      // A key of a map (e.g. an environment variable name) fails; the key itself is where the finding goes.
      const key = String(p.propertyName);
      const node = patternNodeText(kind, `${issue.schemaPath}/pattern`);
      const keyPointer = joinPointer(pointer, key);
      const what = `${quoted} has the key ${JSON.stringify(key)}`;
      const message = node
        ? patternMessage(what, 'key', `Keys of ${field}`, node.pattern, `${issue.schemaPath}/pattern`, kind, key)
        : `${what}, which is not allowed there. ${reader} would reject ${says.document}; rename the key (see the schema for what is allowed).`;
      return { pointer: keyPointer, target: 'key', message };
    }
    case 'minItems':
    case 'maxItems': {
      const n = Array.isArray(v) ? v.length : 0;
      const low = issue.keyword === 'minItems';
      return { pointer, message: `${quoted} has ${n} item${n === 1 ? '' : 's'}, but must have ${low ? 'at least' : 'at most'} ${String(p.limit)}. ${low ? 'Add the missing items.' : 'Remove the extra items.'}` };
    }
    case 'additionalProperties': {
      const name = String(p.additionalProperty);
      return {
        pointer: joinPointer(pointer, name),
        target: 'key',
        severity: 'warning',
        message: `Unknown property "${name}" in ${tokens.length === 0 ? says.document : `"${field}"`}: ${reader} silently ignores fields it does not know, so it has no effect. Check the spelling, or remove it.`,
      };
    }
    case 'false schema':
      return { pointer, message: `${quoted} is not allowed here: ${reader} rejects ${says.document} with it. Remove it.` };
    default:
      return { pointer, message: `${quoted} is not a value ${reader} accepts here. See the schema's description of the field for what is allowed.` };
  }
}
