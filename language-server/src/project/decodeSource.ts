/**
 * A document's bytes → its text, for the CLI's file and stdin reads alike. Marathon parses a request body's bytes
 * with Jackson, which fails on a byte sequence that is not UTF-8 (400 "Invalid JSON", marathon-api.md §12); the
 * text is decoded as before (a bad byte becomes U+FFFD) and the first bad byte is reported with it, for the engine
 * to word (core/parse.ts). UTF-16 and UTF-32 are read as Jackson reads them. The language server gets text from
 * the editor and never decodes.
 */
import { isUtf8 } from 'node:buffer';
import type { InvalidUtf8 } from '../core/types';
import { jacksonEncoding, jacksonText } from './jacksonBytes';
import { jacksonSequenceTail } from './jacksonUtf8';

export interface DecodedSource {
  text: string;
  invalidUtf8?: InvalidUtf8;
}

export function decodeSource(bytes: Buffer): DecodedSource {
  // UTF-16 or UTF-32 (a byte-order mark, or NULs among the first bytes; NULs are valid UTF-8, so this comes first):
  // read as Jackson reads it, so the document is linted as Marathon would take it, not called binary.
  if (jacksonEncoding(bytes).encoding !== 'utf-8') return { text: jacksonText(bytes, true) };
  // simdutf's check costs about a millisecond on 10 MB; only a failure pays for the byte-by-byte scan below.
  if (isUtf8(bytes)) return { text: bytes.toString('utf8') };
  const at = firstBadByte(bytes);
  // Only overlong forms or encoded surrogates, which Jackson reads as characters (a hand-made file, never an editor's).
  if (at === -1) return { text: jacksonText(bytes, true) };
  // The valid prefix decodes to the same code units as in the text, so its length is the bad byte's offset there.
  return { text: bytes.toString('utf8'), invalidUtf8: { offset: bytes.toString('utf8', 0, at).length, byte: bytes[at] } };
}

/** The first byte Jackson's UTF-8 decoding refuses (jacksonUtf8.ts), or -1; overlong forms and encoded surrogates pass. */
function firstBadByte(b: Buffer): number {
  for (let i = 0; i < b.length; i++) {
    if (b[i] < 0x80) continue;
    const tail = jacksonSequenceTail(b, i);
    if (tail === -1) return i;
    i += tail;
  }
  return -1;
}
