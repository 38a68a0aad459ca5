/**
 * A '"' inside a string that was not escaped (docs/rules/syntax.md): `"cmd": "echo "hi" > /x"`, pasted from a shell.
 * The string ends at that quote, and the parser gives up at the word after it, where "a ',' is missing" is the wrong
 * advice. It is this case when the parser gave up after a string, on the same line, at something that is not a ',',
 * '}', ']' or ':', and escaping the quotes from there to a '"' that can end the value (one followed by a ',', '}', ']'
 * or the line's end; for a property name a ':') repairs the text further than the ',' (for a name, the ':') the
 * parser asked for. Of those ends, the one that repairs furthest, then the nearest. Strings with only blanks between
 * them (`["a" "b" "c"]`) are commas missing, however well escaping would repair them. A backslash after the quote
 * that starts no escape (a pasted Windows path, `"type "C:\tmp\a.txt""`) is doubled in the same repair: escaping the
 * quotes alone leaves `\a` invalid, and the finding said a ',' was missing. A value whose closing '"' is not typed
 * yet (`"cmd": "sh -c "echo hi` as an editor lints it, keystroke by keystroke) has no end on its line: when no quote
 * ends it, the line's end (before a last ',') is tried with a '"' added there.
 * Everything before the error is valid JSON, so the string before it holds no unescaped quote.
 */
import { firstSyntaxError, type SyntaxProblem } from './syntaxScan';

export interface StrayQuote {
  /** The quote that ended the string early: where the finding goes. */
  offset: number;
  /** The other unescaped quotes up to the string's end, which need escaping too. */
  others: number[];
  /** The backslashes after the quote that start no escape, which need doubling. */
  backslashes: number[];
  /** A property name (else a value). */
  key: boolean;
  /** Where its closing '"' is missing (the line's end), when no quote on the line can end it. */
  closeAt?: number;
  /** The string as it reads with its quotes escaped, from its opening to its closing '"'. */
  repaired: string;
}

/** Ends of a value tried, at most: each costs a parse of the repaired text. */
const maxEnds = 8;

const isBlank = (c: string | undefined) => c === ' ' || c === '\t';
const isLineBreak = (c: string | undefined) => c === '\n' || c === '\r';

/** How far the text parses (an offset in `text`): the end plus one when it parses whole. */
function reach(text: string): number {
  return firstSyntaxError(text)?.offset ?? text.length + 1;
}

export function strayQuote(text: string, p: SyntaxProblem): StrayQuote | undefined {
  const key = p.expected.startsWith("':'");
  if (!key && !p.expected.startsWith("','")) return undefined;
  const found = text[p.offset];
  if (found === undefined || ',}]:'.includes(found) || isLineBreak(found)) return undefined;
  let q = p.offset - 1;
  while (q >= 0 && isBlank(text[q])) q--;
  if (text[q] !== '"') return undefined; // not after a string
  // Its opening quote: the nearest '"' before it not escaped (an even run of backslashes before it).
  let open = q - 1;
  for (; open >= 0; open--) {
    if (text[open] !== '"') continue;
    let b = 0;
    while (text[open - 1 - b] === '\\') b++;
    if (b % 2 === 0) break;
  }
  if (open < 0) return undefined;

  let lineEnd = p.offset;
  while (lineEnd < text.length && !isLineBreak(text[lineEnd])) lineEnd++;
  // What the parser asked for, inserted where it gave up: the repair to beat (a ',' missing stays a ',' missing).
  const asked = reach(text.slice(0, p.offset) + (key ? ':' : ',') + text.slice(p.offset));
  if (asked > text.length + 1) return undefined; // what the parser asked for repairs it all: nothing can do better
  let best: { reach: number; end: number; quotes: number[]; lone: number[]; inserts: number[] } | undefined;
  let tried = 0;
  for (let c = p.offset; c < lineEnd && tried < maxEnds; c++) {
    if (text[c] === '\\') c++;
    if (text[c] !== '"') continue;
    let after = c + 1;
    while (isBlank(text[after])) after++;
    const next = text[after];
    if (key ? next !== ':' : !(next === undefined || isLineBreak(next) || ',}]'.includes(next))) continue;
    tried++;
    const quotes = unescapedQuotes(text, q, c);
    const lone = loneBackslashes(text, q, c);
    const inserts = lone.length === 0 ? quotes : [...quotes, ...lone].sort((a, b) => a - b);
    const r = reach(withEscapes(text, inserts, 0, text.length)) - inserts.length;
    if (r <= c) continue; // the string still does not end there
    if (!best || r > best.reach) best = { reach: r, end: c, quotes, lone, inserts };
    if (r > text.length) break; // parses whole: no later end can do better
  }
  let closeAt: number | undefined;
  if (!best && !key) {
    // No quote ends it: the closing '"' not typed yet, at the line's end (before a ',' that ends the line).
    let at = lineEnd;
    while (at > p.offset && isBlank(text[at - 1])) at--;
    if (text[at - 1] === ',') at--;
    const quotes = unescapedQuotes(text, q, at);
    const lone = loneBackslashes(text, q, at);
    const inserts = [...quotes, ...lone].sort((a, b) => a - b);
    const r = reach(withEscapes(text, inserts, 0, at) + '"' + text.slice(at)) - inserts.length - 1;
    // Past `at`, or the document's end reached (typed so far: the brackets below not typed yet either).
    if (r > at || r === text.length) (best = { reach: r, end: at, quotes, lone, inserts }), (closeAt = at);
  }
  if (!best || best.reach <= (asked > p.offset ? asked - 1 : asked)) return undefined;
  if (onlyBlanksBetweenStrings(text, best.quotes)) return undefined; // `"a" "b" "c"`: commas missing, not escapes
  const repaired = closeAt === undefined ? withEscapes(text, best.inserts, open, best.end + 1) : withEscapes(text, best.inserts, open, closeAt) + '"';
  return { offset: q, others: best.quotes.slice(1), backslashes: best.lone, key, closeAt, repaired };
}

/** The quotes in [from, to) that no backslash escapes. */
function unescapedQuotes(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') out.push(i);
  }
  return out;
}

/** The backslashes in [from, to) that start no JSON escape (RFC 8259, section 7: \" \\ \/ \b \f \n \r \t \uXXXX). */
function loneBackslashes(text: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    if (text[i] !== '\\') continue;
    const next = text[i + 1] ?? '';
    if ((next !== '' && '"\\/bfnrt'.includes(next)) || (next === 'u' && /^[0-9A-Fa-f]{4}$/.test(text.slice(i + 2, i + 6)))) i++;
    else out.push(i);
  }
  return out;
}

/** text[from, to) with a backslash before each quote at `quotes` (ascending, inside the slice). */
function withEscapes(text: string, quotes: number[], from: number, to: number): string {
  let out = '';
  for (const at of quotes) (out += text.slice(from, at) + '\\'), (from = at);
  return out + text.slice(from, to);
}

/** Read as strings, the quotes from the first (a string's end) leave only blanks outside them: `" "b" "`. */
function onlyBlanksBetweenStrings(text: string, quotes: number[]): boolean {
  for (let k = 0; k < quotes.length; k += 2) {
    const to = quotes[k + 1];
    if (to === undefined) return false; // the last string would run on to the end: not a list of strings
    for (let i = quotes[k] + 1; i < to; i++) if (!isBlank(text[i])) return false;
  }
  return true;
}
