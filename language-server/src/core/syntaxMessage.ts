/** Wording of JSON syntax errors (from syntaxScan.ts): what was expected where, why Marathon cares, and the likely fix. */
import type { Reader } from './kind';
import type { Position } from './types';
import type { StrayQuote } from './strayQuote';
import type { Unclosed } from './unclosedOpener';

function describeFound(text: string, offset: number): string {
  if (offset >= text.length) return 'the end of the document';
  const ch = text[offset];
  if (ch === '\n' || ch === '\r') return 'a line break';
  const code = ch.charCodeAt(0);
  if (code < 0x20 || code === 0x7f) return `the control character U+${code.toString(16).padStart(4, '0').toUpperCase()}`;
  if (ch === '\\') return offset + 1 < text.length && text.charCodeAt(offset + 1) >= 0x20 ? `'\\${text[offset + 1]}'` : "'\\'";
  const word = /^[A-Za-z_$][\w$-]*/.exec(text.slice(offset, offset + 40));
  if (word) return `'${word[0]}'`;
  // A character outside the BMP is two UTF-16 units: name it whole ('😀'), not its first half. A lone half (an editor
  // buffer can hold one, a file cannot) has no glyph: its code says what it is.
  const cp = text.codePointAt(offset)!;
  if (cp >= 0xd800 && cp <= 0xdfff) return `the lone surrogate U+${cp.toString(16).toUpperCase()}`;
  return ch === "'" ? `"'"` : `'${String.fromCodePoint(cp)}'`;
}

/** The way to keep a comment's note in a definition; a config (config.ts) has no labels and drops it. */
export const inALabel = ' (or move the note into a label)';

/**
 * A definition kept as YAML (many keep them so and convert for the API, which reads JSON only): the parser gives up
 * at the first thing in the file, and advice about that one character (quote the word, remove the comment) is no
 * way out. YAML when, past blank and `#` lines, the first line is `---`, `- …` or `key: …`.
 */
function looksLikeYaml(text: string, offset: number): boolean {
  if (/\S/.test(text.slice(0, offset))) return false; // not at the document's first character
  for (const line of text.slice(offset, offset + 2000).split(/\r?\n/)) {
    const t = line.trim();
    if (t === '' || t.startsWith('#')) continue;
    return /^---$|^- |^[A-Za-z_][\w.-]*:(?:[ \t]|$)/.test(t);
  }
  return false;
}

function hint(text: string, offset: number, expected: string, openArray?: Position, innermost?: Position, noneMissing?: boolean): string {
  const ch = text[offset];
  if (offset >= text.length) return "The document looks truncated: close every open '{' and '[' and finish the last value.";
  if (looksLikeYaml(text, offset)) return 'This looks like YAML, and Marathon reads JSON only: convert the whole file to JSON (yq -o=json, for one) and lint that.';
  // A property name where an array element belongs: a ',' would not help, the array was left open above.
  // With no bracket missing the array has its ']' below: closing it early would leave that one over.
  if (openArray && noneMissing) return `A property name and ':' cannot stand in an array: the '[' at line ${openArray.line + 1}, column ${openArray.character + 1} has its ']' below, so a '{' is probably missing before the property name (or a '}' above closed its object too early).`;
  if (openArray) return `A property name and ':' cannot stand in an array: the '[' at line ${openArray.line + 1}, column ${openArray.character + 1} is still open here. Close it with ']' after its last element.`;
  let prev = offset - 1;
  while (prev >= 0 && /\s/.test(text[prev])) prev--;
  if ((ch === '}' || ch === ']') && text[prev] === ',') return "JSON does not allow a trailing comma: remove the ',' before it.";
  // After a value the innermost bracket's own closer is fine, so this is the other kind: a ',' would not help.
  if ((ch === '}' || ch === ']') && innermost && expected.startsWith("','")) {
    const [open, close] = ch === '}' ? ['[', ']'] : ['{', '}'];
    return `This '${ch}' does not close the '${open}' at line ${innermost.line + 1}, column ${innermost.character + 1}, the innermost bracket open here: remove it if it is one too many, or write '${close}' if it is meant to close that '${open}'.`;
  }
  if (ch === '/' || ch === '#') return `JSON does not allow comments: remove them${inALabel}.`;
  if (ch === "'") return "JSON strings and property names use double quotes (\"), not single quotes: replace them.";
  if (ch === '\\') return 'In a JSON string a backslash starts an escape: write \\\\ for a backslash itself.';
  if (expected.startsWith("a closing '\"'") && ch.charCodeAt(0) < 0x20) return 'Inside a string, write a tab as \\t and a line break as \\n.';
  if (ch === '+' && /[0-9]/.test(text[offset + 1] ?? '')) return "JSON numbers have no leading '+': remove it.";
  if (/^-?(?:NaN|Infinity)\b/.test(text.slice(offset, offset + 9))) return 'JSON has no NaN or Infinity: write a number, or leave the field out.';
  if (expected.startsWith("','") || expected.startsWith("',' or")) return "A ',' is probably missing between two values: add it.";
  if (expected.includes('property name') && /[A-Za-z_$]/.test(ch ?? '')) return 'Property names must be quoted: write "name", not name.';
  if (expected === 'a value' && /[A-Za-z]/.test(ch ?? '')) return 'Strings must be in double quotes; the only bare words JSON allows are true, false and null.';
  return 'Fix the syntax at this position; nothing else in the document is checked until it parses.';
}

/** Who rejects invalid JSON, by the system that reads the document (chronos-job.md §1: Jackson, before the job is read). */
const rejectsInvalidJson: Record<Reader, string> = {
  Marathon: 'Marathon rejects a document that is not valid JSON ("Invalid JSON") before checking anything else.',
  Chronos: 'Chronos rejects a job that is not valid JSON before reading any of it.',
};

/** The sentence that says who rejects invalid JSON; adapters for other files (the config) replace it. */
export const marathonRejectsInvalidJson = rejectsInvalidJson.Marathon;

/**
 * A syntax message for a document `reader` reads. The message is written before the kind is known (the kind comes
 * from the value jsonc-parser recovers), so it names Marathon until the linter knows better.
 */
export function syntaxMessageFor(reader: Reader, message: string): string {
  return message.replace(marathonRejectsInvalidJson, rejectsInvalidJson[reader]);
}

/**
 * `at` is the 0-based position of `offset`; the message shows it 1-based, as editors and Marathon's parser do.
 * `openArray`: where the array opened that a ':' found after its element shows was left open (syntaxScan.ts).
 * `innermost`: where the innermost bracket still open at `offset` opened, named when a closer of the other kind is found.
 * `noneMissing`: the text has no more openers than closers (bracketSurplus.ts), so no bracket was left open.
 */
export function syntaxMessage(text: string, offset: number, expected: string, at: Position, openArray?: Position, innermost?: Position, noneMissing?: boolean): string {
  return (
    `Invalid JSON at line ${at.line + 1}, column ${at.character + 1}: expected ${expected}, found ${describeFound(text, offset)}. ` +
    `${marathonRejectsInvalidJson} ${hint(text, offset, expected, openArray, innermost, noneMissing)}`
  );
}

const at = (p: Position) => `line ${p.line + 1}, column ${p.character + 1}`;

/** What the parser wanted where it gave up, and what it found there: the related location of an unclosed opener. */
export function gaveUpMessage(text: string, offset: number, expected: string): string {
  return `The parser gave up here: expected ${expected}, found ${describeFound(text, offset)}.`;
}

/**
 * A '{', '[' or string never closed (unclosedOpener.ts): the finding is at the opener (`opened`), and says where the
 * parser gave up (`gaveUp`, at `offset`), which is where a reader of the old message would have looked.
 */
export function unclosedMessage(text: string, offset: number, expected: string, u: Unclosed, opened: Position, gaveUp: Position, closeAt?: Position): string {
  const what = u.opener === '"' ? 'the string' : `the '${u.opener}' of ${u.name}`;
  const more = u.more === 0 ? '' : `, and the ${u.more} more bracket${u.more === 1 ? '' : 's'} still open around it`;
  let fix: string;
  if (u.opener === '"' && closeAt) fix = `The '"' meant to open the next string ended it instead: add the closing '"' at ${at(closeAt)}.`;
  else if (u.opener === '"') fix = `Add the closing '"' where the string ends.`;
  else if (closeAt) {
    const all = u.more === 0 || u.more > 3 ? '' : ` ('${u.closers}' in all)`;
    fix = `Close it with '${u.closers[0]}' at ${at(closeAt)}${more}${all}${u.comma ? ", followed by a ','" : ''}.`;
    if (u.byIndentation) fix += ' That is where its indentation says it ends.';
  } else {
    const finish = expected.startsWith("','") ? 'close' : `finish the last ${u.opener === '{' ? 'property' : 'element'}, then close`;
    fix = `The document looks truncated: ${finish} it with '${u.closers[0]}' at the end of the document${more}.`;
  }
  return (
    `Invalid JSON: ${what} opened at ${at(opened)}, never closed. ` +
    `The parser gave up at ${at(gaveUp)}: expected ${expected}, found ${describeFound(text, offset)}. ` +
    `${marathonRejectsInvalidJson} ${fix}`
  );
}

/** Repaired strings longer than this are not quoted back in the message. */
const maxShown = 120;

/**
 * A '"' that ended a string early (strayQuote.ts): the finding is at that quote (`quote`), and says where the
 * parser gave up (`gaveUp`, at `offset`). `others`: the positions of the quotes after it that need escaping too;
 * `backslashes`: those of the backslashes after it that start no escape; `closeAt`: where its closing '"' is missing.
 */
export function strayQuoteMessage(text: string, offset: number, expected: string, s: StrayQuote, quote: Position, gaveUp: Position, others: Position[], backslashes: Position[] = [], closeAt?: Position): string {
  const what = s.key ? 'property name' : 'string';
  const also = others.length === 0 ? '' : others.length <= 3 ? ` (and the '"' at ${others.map(at).join(', ')})` : ` (and the ${others.length} more after it)`;
  const doubled =
    backslashes.length === 0 ? '' : backslashes.length === 1 ? `, and write the backslash at ${at(backslashes[0])} as \\\\ (alone it starts an escape)` : `, and write the ${backslashes.length} backslashes after it that start no escape as \\\\`;
  const close = closeAt ? `, and close the string with '"' at ${at(closeAt)}` : '';
  const reads = s.repaired.length <= maxShown ? `, so the ${s.key ? 'property name' : 'value'} reads ${s.repaired}` : '';
  return (
    `Invalid JSON: the '"' at ${at(quote)} ends the ${what} early, so the parser gave up at ${at(gaveUp)}: expected ${expected}, found ${describeFound(text, offset)}. ` +
    `${marathonRejectsInvalidJson} A '"' inside a string must be escaped: escape it as \\"${also}${doubled}${close}${reads}.`
  );
}
