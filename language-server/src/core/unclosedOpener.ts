/**
 * Which '{', '[' or string a syntax error shows was never closed (docs/rules/syntax.md). The parser gives up where
 * the text stops making sense, which for a missing bracket is often far below the opener, or the end of the file.
 * In order, what settles it:
 *  - a string the document ends inside (or its line, for a key, value or array element being typed: syntaxScan.ts), or one that ran on into the next: a bare word right after a string that ends
 *    in ', "', and a '"' right after the word (`"a, "b": 1`), is a string whose closing '"' is missing before the ',';
 *  - indentation, as editors fold blocks: a '{' or '[' that ends its line opens a block, and a line that starts at or
 *    left of the line the opener stands on, while the block is still open, ends it, unless it starts with the
 *    block's own closing bracket. The hint is taken only where it is unambiguous: the same indentation characters,
 *    and the document parses further once the block is closed there;
 *  - with no indentation to go by (a minified document) and one bracket missing, the place where closing it makes the
 *    document fit its schema best (shapeFit.ts);
 *  - a ']' or '}' meant for an enclosing bracket, or a ':' inside an array: the brackets above are open; a '{' or '['
 *    after a ',' where a property name belongs, in an object that is an array's item: that object is open;
 *  - at the end of the document, the innermost bracket still open.
 * Everything before the error is valid JSON, so jsonc-parser's scanner reads it token by token.
 */
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { bracketSurplus } from './bracketSurplus';
import { firstSyntaxError, type SyntaxProblem } from './syntaxScan';
import { quoted } from '../model/quoted';
import { fittestClose, placesWorthTrying, type ClosePlace } from './shapeFit';

export interface Unclosed {
  /** Where the opener ('{', '[' or the string's '"') stands. */
  offset: number;
  opener: '{' | '[' | '"';
  /** Whose opener it is, in users' words: `"labels"`, `item 2 in "apps"`, `the document`. */
  name: string;
  /** Where its closing bracket belongs; undefined: at the end of the document. */
  closeAt?: number;
  /** What to write there: its closing bracket, then those of the `more` brackets left open around it. */
  closers: string;
  more: number;
  /** A ',' must follow the closers (the next property or element comes right after). */
  comma: boolean;
  /** Indentation said where it ends. */
  byIndentation: boolean;
}

interface Frame {
  offset: number;
  bracket: '{' | '[';
  /** The bracket it stands in, and its place there: the key's string token (in an object) or its 1-based item. */
  parent?: Frame;
  keyStart: number;
  keyEnd: number;
  item: number;
  /** The indentation of the opener's line, when the opener ends its line (a block). */
  indent?: string;
  /** An indentation hint about this block was tried and did not hold. */
  refuted: boolean;
  /** Its own last key's string token (an object), and how many items began in it (an array). */
  lastKeyStart: number;
  lastKeyEnd: number;
  items: number;
}

interface Token {
  kind: SyntaxKind;
  offset: number;
  end: number;
}

/** Each indentation hint costs one more parse; a badly indented document gets no more than these. */
const maxHints = 8;

const closerOf = (f: Frame) => (f.bracket === '{' ? '}' : ']');
const isCloser = (k: SyntaxKind) => k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken;
const isScalar = (k: SyntaxKind) => k === SyntaxKind.StringLiteral || k === SyntaxKind.NumericLiteral || k === SyntaxKind.TrueKeyword || k === SyntaxKind.FalseKeyword || k === SyntaxKind.NullKeyword;
const closes = (k: SyntaxKind, f: Frame) => (f.bracket === '{' ? k === SyntaxKind.CloseBraceToken : k === SyntaxKind.CloseBracketToken);

/** The blanks before `offset` when they start its line (the token is first on its line), else undefined. */
function indentBefore(text: string, offset: number): string | undefined {
  let i = offset;
  let c = text.charCodeAt(i - 1);
  while (i > 0 && (c === 0x20 || c === 0x09)) c = text.charCodeAt(--i - 1);
  return i === 0 || c === 0x0a || c === 0x0d ? text.slice(i, offset) : undefined;
}

/** Whose bracket it is, in users' words (computed for the one blamed only; a loop, as arrays nest 10,000 deep). */
function nameOf(text: string, f: Frame): string {
  const items: number[] = [];
  let at = f;
  while (at.parent?.bracket === '[') {
    items.push(at.item);
    at = at.parent;
  }
  const base = !at.parent ? 'the document' : quoted(at.keyEnd > at.keyStart ? (JSON.parse(text.slice(at.keyStart, at.keyEnd)) as string) : '');
  if (items.length > 3) return `item ${items[0]} of an array ${items.length - 1} levels deep in ${base}`;
  return items.map((n) => `item ${n} in `).join('') + base;
}

/** The blanks that start the line `offset` is on. */
function lineIndent(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  let end = start;
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text.slice(start, end);
}

/**
 * Closing brackets (and a ',') inserted at `at` repair the error: the text has that many more openers than closers
 * (`missing`), and the document then parses, or parses further than `p`. A text with no bracket missing had a closer
 * too many or of the wrong kind (a '}' typed twice, one written for a ']'): closing an opener above would only move the
 * error, and that opener has its closer below, so it is not called never closed.
 */
function repairs(text: string, p: SyntaxProblem, at: number, insert: string, missing: () => number): boolean {
  if (insert.replace(/[^}\]]/g, '').length > missing()) return false;
  const repaired = text.slice(0, at) + insert + text.slice(at);
  const e = firstSyntaxError(repaired);
  if (!e) return true;
  if (p.offset === text.length && e.offset === repaired.length) return e.stringStart === undefined;
  return e.offset >= at + insert.length && e.offset - insert.length > p.offset;
}

export function unclosedOpener(text: string, p: SyntaxProblem): Unclosed | undefined {
  if (p.stringStart !== undefined) {
    return { offset: p.stringStart, opener: '"', name: 'a string', closers: '"', more: 0, comma: false, byIndentation: false };
  }
  const stack: Frame[] = [];
  const recent: Token[] = []; // the last three tokens, newest last
  let block: Frame | undefined; // opened by the previous token: a block if the next token starts a line
  let hints = 0;
  const scanner = createScanner(text, true);
  let surplus: number | undefined; // counted once, when a repair is first tried
  const missing = () => (surplus ??= bracketSurplus(text));
  // Where a closer could go: after each value, before its ',' or closer (shapeFit.ts picks one by the schema).
  const places: ClosePlace<Frame>[] = [];
  const keep = placesWorthTrying(text.length);
  const addPlace = (atEnd: boolean) => {
    const top = stack[stack.length - 1];
    const last = recent[recent.length - 1];
    // A block indentation did not refute closes where its own closer stands (indentation hints, above), or at the end.
    if (keep === 0 || !top || !last || last.kind === SyntaxKind.CommaToken || (top.indent !== undefined && !top.refuted && !atEnd)) return;
    places.push({ at: last.end, frame: top, closer: closerOf(top) });
    if (places.length > 2 * keep) places.splice(0, places.length - keep);
  };

  /** Where closing brackets for the frames above a token go: after the last token before it, and before its ','. */
  const insertionPoint = (): { at: number; afterComma: boolean } | undefined => {
    const last = recent[recent.length - 1];
    if (!last) return undefined;
    if (last.kind !== SyntaxKind.CommaToken) return { at: last.end, afterComma: false };
    const before = recent[recent.length - 2];
    return before ? { at: before.end, afterComma: true } : undefined;
  };

  const blame = (frames: Frame[], at: number | undefined, comma: boolean, byIndentation: boolean): Unclosed => ({
    offset: frames[0].offset,
    opener: frames[0].bracket,
    name: nameOf(text, frames[0]),
    closeAt: at,
    closers: frames.map(closerOf).join(''),
    more: frames.length - 1,
    comma,
    byIndentation,
  });

  /** The indentation hint at a token that starts its line: the blocks it ends, if closing them there repairs the text. */
  const indentationHint = (kind: SyntaxKind, indent: string): Unclosed | undefined => {
    const ended: Frame[] = [];
    for (let k = stack.length - 1; k >= 0; k--) {
      const f = stack[k];
      if (f.indent === undefined || f.refuted || !f.indent.startsWith(indent)) break;
      if (f.indent === indent && closes(kind, f)) break; // the block's own closing bracket
      ended.push(f);
    }
    if (ended.length === 0 || hints >= maxHints) return undefined;
    hints++;
    const point = insertionPoint();
    const comma = !!point && !point.afterComma && !isCloser(kind) && kind !== SyntaxKind.CommaToken && kind !== SyntaxKind.ColonToken;
    const closers = ended.map(closerOf).join('');
    if (point && repairs(text, p, point.at, closers + (comma ? ',' : ''), missing)) return blame(ended, point.at, comma, true);
    for (const f of ended) f.refuted = true;
    return undefined;
  };

  for (let kind = scanner.scan(); kind !== SyntaxKind.EOF; kind = scanner.scan()) {
    const offset = scanner.getTokenOffset();
    if (offset > p.offset) break;
    const indent = indentBefore(text, offset);
    if (block) {
      if (indent !== undefined) block.indent = lineIndent(text, block.offset);
      block = undefined;
    }
    if (indent !== undefined) {
      const hint = indentationHint(kind, indent);
      if (hint) return hint;
    }
    if (offset === p.offset || kind === SyntaxKind.CommaToken || isCloser(kind)) addPlace(false);
    if (offset === p.offset) break; // the token the parser gave up at
    const top = stack[stack.length - 1];
    const startsValue = top?.bracket === '[' && (recent[recent.length - 1]?.kind === SyntaxKind.OpenBracketToken || recent[recent.length - 1]?.kind === SyntaxKind.CommaToken);
    if (startsValue) top.items++;
    if (kind === SyntaxKind.OpenBraceToken || kind === SyntaxKind.OpenBracketToken) {
      block = { offset, bracket: kind === SyntaxKind.OpenBraceToken ? '{' : '[', parent: top, keyStart: top?.lastKeyStart ?? 0, keyEnd: top?.lastKeyEnd ?? 0, item: top?.items ?? 0, refuted: false, lastKeyStart: 0, lastKeyEnd: 0, items: 0 };
      stack.push(block);
    } else if (isCloser(kind)) {
      stack.pop();
    } else if (kind === SyntaxKind.ColonToken && top?.bracket === '{') {
      const key = recent[recent.length - 1];
      if (key?.kind === SyntaxKind.StringLiteral) (top.lastKeyStart = key.offset), (top.lastKeyEnd = key.end);
    }
    // Three tokens of lookbehind, without an object per token (a 10 MB group has millions).
    const t = recent.length === 3 ? recent.shift()! : ({} as Token);
    t.kind = kind;
    t.offset = offset;
    t.end = offset + scanner.getTokenLength();
    recent.push(t);
  }

  const ranOn = stringRanOn(text, p, recent[recent.length - 1]);
  if (ranOn) return ranOn;
  const top = stack[stack.length - 1];
  if (!top) return undefined;
  if (p.offset === text.length) addPlace(true);
  // One bracket missing and no indentation to say where: where the document then fits its schema best.
  if (missing() === 1) {
    const best = fittestClose(text, places);
    // At the end of the document, closing the innermost: the end-of-document wording below says so.
    if (best && !(p.offset === text.length && best === places[places.length - 1] && best.frame === top)) return blame([best.frame], best.at, false, false);
  }
  const found = text[p.offset];
  // A ']' or '}' that closes an enclosing bracket: the ones above it are open.
  if ((found === '}' || found === ']') && found !== closerOf(top)) {
    let k = stack.length - 1;
    while (k >= 0 && closerOf(stack[k]) !== found) k--;
    const point = insertionPoint();
    const open = stack.slice(k + 1).reverse();
    if (k >= 0 && point && repairs(text, p, point.at, open.map(closerOf).join(''), missing)) return blame(open, point.at, false, false);
  }
  // A property name and ':' inside an array: the array was meant to end before the ',' that precedes the name.
  if (p.openArray === top.offset && recent.length === 3 && recent[2].kind === SyntaxKind.StringLiteral) {
    const afterComma = recent[1].kind === SyntaxKind.CommaToken;
    const at = afterComma ? recent[0].end : recent[1].end;
    if (repairs(text, p, at, afterComma ? ']' : '],', missing)) return blame([top], at, !afterComma, false);
  }
  // A '{' or '[' where a property name belongs after a ',' is the next item of the array around: the object was meant
  // to end before that ',' (the one-line form of a '}' missing between two apps, which indentation settles above).
  // Only after a plain value: after a '}' or ']', that closer may have been the object's own, taken by a bracket inside
  // it left open ("labels" missing its '}' swallows the rest of the app), and which one is missing is a guess.
  const beforeComma = recent[recent.length - 2];
  if ((found === '{' || found === '[') && top.bracket === '{' && top.parent?.bracket === '[' && recent[recent.length - 1]?.kind === SyntaxKind.CommaToken && beforeComma && isScalar(beforeComma.kind)) {
    if (repairs(text, p, beforeComma.end, '}', missing)) return blame([top], beforeComma.end, false, false);
  }
  // The end of the document inside brackets: the innermost is provably open (and every one around it).
  if (p.offset === text.length) return blame(stack.slice().reverse(), undefined, false, false);
  return undefined;
}

/** `"a, "b": 1`: the string before the bare word `b` took the '"' meant to open "b" for its end (see the top). */
function stringRanOn(text: string, p: SyntaxProblem, last: Token | undefined): Unclosed | undefined {
  if (!last || last.kind !== SyntaxKind.StringLiteral || last.end > p.offset) return undefined;
  if (!/^[A-Za-z_$][\w$.-]*"/.test(text.slice(p.offset, p.offset + 200))) return undefined;
  const tail = /,\s*"$/.exec(text.slice(last.offset + 1, last.end));
  if (!tail) return undefined;
  const at = last.end - tail[0].length;
  if (!repairs(text, p, at, '"', () => 0)) return undefined;
  return { offset: last.offset, opener: '"', name: 'a string', closeAt: at, closers: '"', more: 0, comma: false, byIndentation: false };
}
