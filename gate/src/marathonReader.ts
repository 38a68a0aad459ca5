/**
 * The JSON Marathon's reader takes from a request body. Marathon parses the raw bytes with play-json on
 * Jackson (`Json.parse(body: Array[Byte])` in every write resource), and Jackson, reading bytes:
 * - detects the encoding as its ByteSourceJsonBootstrapper does: a byte-order mark (UTF-8, UTF-16 BE/LE,
 *   UTF-32 BE/LE) is skipped, and without one the NUL bytes among the first four give UTF-16 or UTF-32;
 *   the Content-Type's charset is never consulted;
 * - reads one value and stops: whatever follows it (a second document, a stray `}`) is never looked at,
 *   since FAIL_ON_TRAILING_TOKENS is off by default.
 * A body the gate read differently (a BOM, UTF-16, trailing bytes) would go to Marathon unjudged as "not
 * JSON" and be deployed: the gate must judge exactly what Marathon will deploy.
 */

import { jacksonText } from '@marathon-devtools/language-server/project/jacksonBytes';

/** The body's bytes as the text Jackson reads, byte-order mark dropped. */
export function decodeBody(body: Buffer): string {
  return jacksonText(body);
}

/** End offset of the object or array starting at `start`, or -1 when the text ends first (strings honoured). */
function containerEnd(text: string, start: number): number {
  let depth = 0;
  for (let i = start; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      for (i++; i < text.length && text.charCodeAt(i) !== 0x22; i++) if (text.charCodeAt(i) === 0x5c) i++;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * The body's first JSON value and its text, as Marathon reads it (content after the value ignored); undefined
 * when Marathon's reader fails on it too, which Marathon answers itself (400 "Invalid JSON").
 */
export function parseBody(text: string): { value: unknown; text: string } | undefined {
  try {
    return { value: JSON.parse(text), text };
  } catch {
    // Only an object or array can end before the text does without a syntax error (what the gate judges).
    const start = text.search(/[^ \t\r\n]/);
    if (start === -1 || (text[start] !== '{' && text[start] !== '[')) return undefined;
    const end = containerEnd(text, start);
    if (end === -1 || end === text.length) return undefined;
    const head = text.slice(0, end);
    try {
      return { value: JSON.parse(head), text: head };
    } catch {
      return undefined;
    }
  }
}
