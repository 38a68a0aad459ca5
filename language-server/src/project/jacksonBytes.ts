/**
 * A document's bytes as Marathon's reader reads them: play-json on Jackson, given the raw bytes
 * (`Json.parse(body: Array[Byte])` in every write resource). Jackson detects the encoding as its
 * ByteSourceJsonBootstrapper does: a byte-order mark (UTF-8, UTF-16 BE/LE, UTF-32 BE/LE) is skipped, and without
 * one the NUL bytes among the first four give UTF-16 or UTF-32; a Content-Type's charset is never consulted. UTF-8
 * is decoded by the shape of each sequence (jacksonUtf8.ts). One home for the gate (gate/src/marathonReader.ts)
 * and for marathon-lint's file reads (decodeSource.ts), so both judge the text Marathon would.
 */
import { decodeUtf8AsJackson } from './jacksonUtf8';

export type JacksonEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'utf-32le' | 'utf-32be';

/** The encoding Jackson picks for these bytes, and how many BOM bytes it skips. */
export function jacksonEncoding(b: Buffer): { encoding: JacksonEncoding; bom: number } {
  const at = (i: number) => (i < b.length ? b[i] : -1);
  if (b.length >= 4) {
    if (at(0) === 0 && at(1) === 0 && at(2) === 0xfe && at(3) === 0xff) return { encoding: 'utf-32be', bom: 4 };
    if (at(0) === 0xff && at(1) === 0xfe && at(2) === 0 && at(3) === 0) return { encoding: 'utf-32le', bom: 4 };
  }
  if (b.length >= 2) {
    if (at(0) === 0xfe && at(1) === 0xff) return { encoding: 'utf-16be', bom: 2 };
    if (at(0) === 0xff && at(1) === 0xfe) return { encoding: 'utf-16le', bom: 2 };
  }
  if (at(0) === 0xef && at(1) === 0xbb && at(2) === 0xbf) return { encoding: 'utf-8', bom: 3 };
  if (b.length >= 4) {
    if (at(0) === 0 && at(1) === 0 && at(2) === 0) return { encoding: 'utf-32be', bom: 0 };
    if (at(1) === 0 && at(2) === 0 && at(3) === 0) return { encoding: 'utf-32le', bom: 0 };
  }
  if (b.length >= 2) {
    if (at(0) === 0) return { encoding: 'utf-16be', bom: 0 };
    if (at(1) === 0) return { encoding: 'utf-16le', bom: 0 };
  }
  return { encoding: 'utf-8', bom: 0 };
}

function utf32(b: Buffer, littleEndian: boolean): string {
  let out = '';
  for (let i = 0; i + 4 <= b.length; i += 4) {
    const cp = littleEndian ? b.readUInt32LE(i) : b.readUInt32BE(i);
    out += cp <= 0x10ffff ? String.fromCodePoint(cp) : '\ufffd';
  }
  return out;
}

/**
 * The bytes as the text Jackson reads. `keepBom`: a byte-order mark stays as U+FEFF at the start, so that offsets
 * into the text still count the characters of the file (the engine reads a leading U+FEFF as a space).
 */
export function jacksonText(body: Buffer, keepBom = false): string {
  const { encoding, bom } = jacksonEncoding(body);
  const rest = bom === 0 ? body : body.subarray(bom);
  const text =
    encoding === 'utf-8' ? decodeUtf8AsJackson(rest)
    : encoding === 'utf-32le' || encoding === 'utf-32be' ? utf32(rest, encoding === 'utf-32le')
    : new TextDecoder(encoding, { ignoreBOM: true }).decode(rest);
  return keepBom && bom > 0 ? '\ufeff' + text : text;
}
