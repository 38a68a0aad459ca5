/**
 * Character-level helpers for walking text that JSON.parse has already accepted. Both the position
 * resolver and the duplicate-key finder use them: a tight hand-written scan is ~3× cheaper than a
 * tokenizer that builds token values, and, being iterative, it never overflows the stack.
 * On text that is not valid JSON they still terminate (every loop advances and is bounded by the length).
 */

export function skipWs(text: string, i: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
    i++;
  }
  return i;
}

/** `i` is at the opening '"'; returns the offset just after the closing '"'. */
export function skipString(text: string, i: number): number {
  let j = i + 1;
  while (true) {
    const q = text.indexOf('"', j);
    if (q === -1) return text.length;
    let backslashes = 0;
    for (let k = q - 1; k > i && text.charCodeAt(k) === 0x5c; k--) backslashes++;
    if (backslashes % 2 === 0) return q + 1;
    j = q + 1;
  }
}

/** Skips a number or literal (true/false/null): up to the next delimiter. */
export function skipScalar(text: string, i: number): number {
  let j = i;
  while (j < text.length) {
    const c = text.charCodeAt(j);
    if (c === 0x2c || c === 0x7d || c === 0x5d || c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x3a) break;
    j++;
  }
  return j === i ? i + 1 : j;
}

/** Skips a whole value (nested containers included) starting at `i`; returns the offset after it. */
export function skipValue(text: string, i: number): number {
  const c = text.charCodeAt(i);
  if (c === 0x22) return skipString(text, i);
  if (c !== 0x7b && c !== 0x5b) return skipScalar(text, i);
  let depth = 0;
  let j = i;
  while (j < text.length) {
    const d = text.charCodeAt(j);
    if (d === 0x22) { j = skipString(text, j); continue; }
    if (d === 0x7b || d === 0x5b) depth++;
    else if (d === 0x7d || d === 0x5d) {
      depth--;
      if (depth === 0) return j + 1;
    }
    j++;
  }
  return text.length;
}

/** The decoded name of a key spanning [start, end) including its quotes. */
export function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end - 1);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end)) as string;
  } catch {
    return raw;
  }
}
