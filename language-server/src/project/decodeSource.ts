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

/**
 * The first byte Jackson's UTF-8 decoding refuses, or -1. Jackson (CharTypes.sInputCodesUTF8, UTF8StreamJsonParser)
 * sizes a sequence by its lead byte's high bits and checks only that the continuation bytes are 10xxxxxx: it refuses
 * a lead byte 0x80–0xBF or 0xF8–0xFF ("Invalid UTF-8 start byte"), a missing continuation ("middle byte") and the end
 * of input inside a sequence, but not an overlong form or an encoded surrogate, which isUtf8 also refuses.
 */
function firstBadByte(b: Buffer): number {
  for (let i = 0; i < b.length; i++) {
    const c = b[i];
    if (c < 0x80) continue;
    const more = (c & 0xe0) === 0xc0 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 ? 3 : -1;
    if (more === -1) return i;
    for (let k = 1; k <= more; k++) if (i + k >= b.length || (b[i + k] & 0xc0) !== 0x80) return i;
    i += more;
  }
  return -1;
}
