/**
 * Finds the first JSON syntax error with an iterative scanner: where it is (a bad escape at its backslash, a raw
 * control character where it stands) and what the grammar wanted there. It is the one source of syntax findings
 * (parse.ts): iterative, so 10,000 levels of nesting cannot overflow the stack as jsonc-parser's recursion does.
 * Strict RFC 8259: no comments, no trailing commas, double-quoted strings only.
 */

export interface SyntaxProblem {
  offset: number;
  length: number;
  /** What the grammar wanted here, in words: "a value", "',' or '}'"… */
  expected: string;
  /** A ':' after an array element: the offset of that array's '[', which was probably meant to be closed before it. */
  openArray?: number;
  /** Where each '{' and '[' still open at the error opened, outermost first (unclosedOpener.ts judges them). */
  open: number[];
  /** A string never closed (the document ends inside it, or its line does: see scanString): where its '"' opened. */
  stringStart?: number;
}

const enum Mode { Value, ValueOrEnd, KeyOrEnd, Key, Colon, CommaOrEnd, Eof }

const expectedText: Record<Mode, string> = {
  [Mode.Value]: 'a value',
  [Mode.ValueOrEnd]: "a value or ']'",
  [Mode.KeyOrEnd]: "a property name in double quotes or '}'",
  [Mode.Key]: 'a property name in double quotes',
  [Mode.Colon]: "':' after the property name",
  [Mode.CommaOrEnd]: '', // depends on the enclosing container
  [Mode.Eof]: 'the end of the document',
};

function isWs(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

type StringProblem = Omit<SyntaxProblem, 'open'>;

/** Where a string stands: a property name, a property's (or the document's) value, or an array element. */
type StringAt = 'key' | 'value' | 'element';

/** The next element of an array, on a line of its own or followed by its ',' or ']': a string, number or literal. */
const nextElementRe = /^(?:"(?:[^"\\\n\r]|\\.)*"|-?[0-9][0-9.eE+-]*|true|false|null)[ \t]*(?:[,\]\r\n]|$)/;

/**
 * Whether the line break at `j`, inside the string opened at `i`, ends a string whose closing '"' was never typed
 * rather than one meant to go on below (a pasted script: escape the break). A property name never goes on; a value
 * does not when nothing but its object's or array's closer or the next property name follows, nor an array element
 * when the next element does: the text an editor sends while a key or value is typed, the line below as it was
 * (on the last line, the text ends with that line's break: Neovim always sends it).
 */
function endsUnclosedString(text: string, j: number, at: StringAt): boolean {
  if (at === 'key') return true;
  let k = j;
  while (k < text.length && isWs(text.charCodeAt(k))) k++;
  if (k === text.length || text[k] === '}' || text[k] === ']') return true;
  const below = text.slice(k, k + 200);
  return at === 'element' ? nextElementRe.test(below) : text[k] === '"' && /^"(?:[^"\\\n\r]|\\.)*"[ \t]*:/.test(below);
}

/** Returns the end offset of the string starting at `i` (a '"' standing `at` there), or a problem. */
function scanString(text: string, i: number, at: StringAt): number | StringProblem {
  let j = i + 1;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x22) return j + 1;
    // A CRLF is one line break: a span ending between its \r and \n is no position an editor has.
    if (c < 0x20) {
      const lineBreak = c === 0x0a || c === 0x0d;
      const problem = { offset: j, length: c === 0x0d && text.charCodeAt(j + 1) === 0x0a ? 2 : 1, expected: 'a closing \'"\' (control characters and line breaks must be escaped inside strings)' };
      return lineBreak && endsUnclosedString(text, j, at) ? { ...problem, stringStart: i } : problem;
    }
    if (c === 0x5c) {
      const e = text[j + 1];
      if (e === 'u') {
        if (!/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6))) return { offset: j, length: 2, expected: 'four hex digits after \\u' };
        j += 6;
        continue;
      }
      if (e === undefined || !'"\\/bfnrt'.includes(e)) return { offset: j, length: 2, expected: 'a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)' };
      j += 2;
      continue;
    }
    j++;
  }
  return { offset: text.length, length: 0, expected: 'a closing \'"\' before the end of the document', stringStart: i };
}

const numberRe = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;

export function firstSyntaxError(text: string): SyntaxProblem | undefined {
  const openedAt: number[] = []; // where each container on the stack opened
  const p = scan(text, openedAt);
  return p && { ...p, open: openedAt };
}

function scan(text: string, openedAt: number[]): StringProblem | undefined {
  const stack: number[] = []; // 0 = object, 1 = array; an explicit stack, never recursion
  let mode: Mode = Mode.Value;
  let i = 0;
  const afterValue = (): Mode => (stack.length === 0 ? Mode.Eof : Mode.CommaOrEnd);
  while (true) {
    while (i < text.length && isWs(text.charCodeAt(i))) i++;
    if (i >= text.length) {
      if (mode === Mode.Eof) return undefined;
      const wanted = mode === Mode.CommaOrEnd ? (stack[stack.length - 1] === 0 ? "',' or '}'" : "',' or ']'") : expectedText[mode];
      return { offset: text.length, length: 0, expected: wanted }; // "found the end of the document" says the rest
    }
    const ch = text[i];
    const inObject = stack[stack.length - 1] === 0;
    switch (mode) {
      case Mode.Eof:
        return { offset: i, length: 1, expected: expectedText[Mode.Eof] };
      case Mode.Colon:
        if (ch !== ':') return { offset: i, length: 1, expected: expectedText[mode] };
        i++;
        mode = Mode.Value;
        continue;
      case Mode.CommaOrEnd:
        if (ch === ',') { i++; mode = inObject ? Mode.Key : Mode.Value; continue; }
        if ((ch === '}' && inObject) || (ch === ']' && !inObject)) { i++; stack.pop(); openedAt.pop(); mode = afterValue(); continue; }
        if (ch === ':' && !inObject) return { offset: i, length: 1, expected: "',' or ']' after an array element", openArray: openedAt[openedAt.length - 1] };
        return { offset: i, length: 1, expected: inObject ? "',' or '}' after a property value" : "',' or ']' after an array element" };
      case Mode.KeyOrEnd:
      case Mode.Key: {
        if (ch === '}' && mode === Mode.KeyOrEnd) { i++; stack.pop(); openedAt.pop(); mode = afterValue(); continue; }
        if (ch !== '"') return { offset: i, length: 1, expected: expectedText[mode] };
        const end = scanString(text, i, 'key');
        if (typeof end !== 'number') return end;
        i = end;
        mode = Mode.Colon;
        continue;
      }
      case Mode.Value:
      case Mode.ValueOrEnd: {
        if (ch === ']' && mode === Mode.ValueOrEnd) { i++; stack.pop(); openedAt.pop(); mode = afterValue(); continue; }
        if (ch === '{') { stack.push(0); openedAt.push(i); i++; mode = Mode.KeyOrEnd; continue; }
        if (ch === '[') { stack.push(1); openedAt.push(i); i++; mode = Mode.ValueOrEnd; continue; }
        if (ch === '"') {
          const end = scanString(text, i, stack.length > 0 && !inObject ? 'element' : 'value');
          if (typeof end !== 'number') return end;
          i = end;
        } else if (ch === '-' || (ch >= '0' && ch <= '9')) {
          numberRe.lastIndex = i;
          const m = numberRe.exec(text);
          if (!m || m[0] === '-') return { offset: i, length: 1, expected: 'a number' };
          i += m[0].length;
        } else if (text.startsWith('true', i)) i += 4;
        else if (text.startsWith('false', i)) i += 5;
        else if (text.startsWith('null', i)) i += 4;
        else return { offset: i, length: 1, expected: expectedText[mode] };
        mode = afterValue();
        continue;
      }
    }
  }
}
