/**
 * UTF-8 bytes decoded the way Jackson's UTF8StreamJsonParser decodes them, which Marathon's reader runs on
 * the raw body (marathonReader.ts). Jackson checks only the shape of a multi-byte sequence (a lead byte
 * 110xxxxx, 1110xxxx or 11110xxx followed by 10xxxxxx bytes: `_decodeUtf8_2/3/4`), not its value: an
 * overlong form (`C1 AE` for "n"), an encoded surrogate (`ED A0 80`) or a 4-byte value over U+10FFFF all
 * decode. A strict decoder turns them into U+FFFD, so the gate would judge `"e\xC1\xAEv"` as an unknown key
 * where Marathon reads `"env"`: a document Marathon deploys that the gate never saw.
 */

const strict = new TextDecoder('utf-8', { fatal: true });

/** `cp` as text inside a JSON string; a character Jackson got from a multi-byte form but that is ASCII is escaped. */
function unit(cp: number): string {
  // Jackson recognises `"` and `\` by their byte, so a multi-byte form of them is an ordinary string character;
  // as an escape, JSON.parse reads it as one too (and refuses it outside a string, as Jackson does).
  return cp < 0x80 ? `\\u${cp.toString(16).padStart(4, '0')}` : String.fromCharCode(cp);
}

/** Bytes `from`..`to` of an ASCII run, as text (latin1 is ASCII there, and no argument list grows with the run). */
const ascii = (b: Uint8Array, from: number, to: number) => Buffer.from(b.buffer, b.byteOffset + from, to - from).toString('latin1');

const isContinuation = (b: number | undefined) => b !== undefined && (b & 0xc0) === 0x80;

/**
 * The continuation bytes the multi-byte sequence at `i` takes as Jackson reads it (CharTypes.sInputCodesUTF8: sized by
 * the lead byte's high bits, then each continuation must be 10xxxxxx), or -1 where Jackson fails: a lead byte
 * 0x80–0xBF or 0xF8–0xFF ("Invalid UTF-8 start byte"), a missing continuation ("middle byte"), the end inside it.
 */
export function jacksonSequenceTail(b: Uint8Array, i: number): number {
  const c = b[i];
  const need = (c & 0xe0) === 0xc0 ? 1 : (c & 0xf0) === 0xe0 ? 2 : (c & 0xf8) === 0xf0 ? 3 : -1;
  for (let k = 1; k <= need; k++) if (!isContinuation(b[i + k])) return -1;
  return need;
}

/** Bytes the escape at `i` (a backslash) stands for in a field name's quads, and the raw bytes it takes (parseEscapedName). */
function escapeWidth(b: Uint8Array, i: number): { bytes: number; raw: number } {
  if (b[i + 1] !== 0x75) return { bytes: 1, raw: 2 };
  const cp = Number.parseInt(String.fromCharCode(...b.subarray(i + 2, i + 6)), 16);
  return { bytes: !(cp > 0x7f) ? 1 : cp < 0x800 ? 2 : 3, raw: 6 };
}

/**
 * The raw 0xFF bytes Jackson may read a field name without, as [from, to), or undefined. Jackson looks a name up
 * in its factory's symbol table by the name's bytes packed four to an int, the last int padded with 0xFF bytes in
 * front (`_padLastQuad` in UTF8StreamJsonParser, the same since 2.6: Debian's 2.14 and Marathon's 2.10 alike): a
 * name whose last four-byte group starts with 0xFF bytes is found as the name without them once any earlier request
 * used that name, and Marathon's factory is shared by every request. `"\xFFid"` is then read as `"id"`, where a
 * fresh factory fails ("Invalid UTF-8 start byte 0xff"): the gate reads the name Marathon would deploy.
 */
function symbolTablePadding(b: Uint8Array, start: number): [number, number] | undefined {
  let length = 0; // the name's bytes as Jackson packs them: escapes decoded, then UTF-8 encoded again
  let groupStart = -1; // the raw byte the last four-byte group starts at; -1 when it starts inside an escape
  let i = start;
  while (i < b.length && b[i] !== 0x22) {
    const escape = b[i] === 0x5c;
    const w = escape ? escapeWidth(b, i) : { bytes: 1, raw: 1 };
    if ((length + w.bytes - 1) >> 2 !== (length - 1) >> 2) groupStart = escape ? -1 : i;
    length += w.bytes;
    i += w.raw;
  }
  if (i >= b.length || groupStart === -1) return undefined;
  let j = groupStart;
  while (b[j] === 0xff) j++;
  return j > groupStart && j - groupStart < length - ((length - 1) & ~3) ? [groupStart, j] : undefined;
}

/**
 * The text Jackson reads from these bytes. Where Jackson itself would fail (a stray continuation byte, a
 * lead byte 0xF8–0xFF, a cut sequence), U+FFFD stands in: the value holding it is then one Marathon refuses,
 * and bytes after the value, which Jackson never reads, must not spoil the reading of the value before them.
 */
export function decodeUtf8AsJackson(b: Uint8Array): string {
  try {
    return strict.decode(b); // well-formed UTF-8: every decoder agrees
  } catch {
    // fall through to the byte-by-byte reading
  }
  const out: string[] = [];
  let run = 0; // start of the current ASCII run
  // Where the bytes are: a 4-byte form is written differently in a field name (`addName`) than in a string value
  // (`_finishString2`), so the reading follows the structure, as far as a multi-byte form can occur in it.
  const objects: boolean[] = []; // per open container: is it an object
  let inString = false;
  let inName = false;
  let nameNext = false;
  const noDrop: [number, number] = [-1, -1];
  let dropped = noDrop; // the 0xFF bytes of the current field name that Jackson's symbol table reads without
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      if (inString) {
        if (c === 0x5c) i++; // an escape: the next byte is not a quote
        else if (c === 0x22) inString = false;
      } else if (c === 0x22) {
        inString = true;
        inName = nameNext;
        nameNext = false;
        if (inName) dropped = symbolTablePadding(b, i + 1) ?? noDrop;
      } else if (c === 0x7b || c === 0x5b) {
        objects.push(c === 0x7b);
        nameNext = c === 0x7b;
      } else if (c === 0x7d || c === 0x5d) objects.pop();
      else if (c === 0x2c) nameNext = objects[objects.length - 1] === true;
      i++;
      continue;
    }
    if (run < i) out.push(ascii(b, run, i));
    if (i >= dropped[0] && i < dropped[1]) {
      run = ++i;
      continue;
    }
    const need = jacksonSequenceTail(b, i);
    if (need === -1) {
      out.push('\ufffd');
      i++;
    } else if (need === 1) {
      out.push(unit(((c & 0x1f) << 6) | (b[i + 1] & 0x3f)));
      i += 2;
    } else if (need === 2) {
      out.push(unit(((c & 0x0f) << 12) | ((b[i + 1] & 0x3f) << 6) | (b[i + 2] & 0x3f)));
      i += 3;
    } else {
      // `_decodeUtf8_4` subtracts 0x10000, and the halves are Java chars (16 bits). The high half is
      // `0xD800 | (v >> 10)` in a value but `0xD800 + (v >> 10)` in a name: they differ only for an overlong form.
      const v = (((c & 0x07) << 18) | ((b[i + 1] & 0x3f) << 12) | ((b[i + 2] & 0x3f) << 6) | (b[i + 3] & 0x3f)) - 0x10000;
      const high = inString && inName ? 0xd800 + (v >> 10) : 0xd800 | (v >> 10);
      out.push(unit(high & 0xffff) + unit((0xdc00 | (v & 0x3ff)) & 0xffff));
      i += 4;
    }
    run = i;
  }
  if (run < b.length) out.push(ascii(b, run, b.length));
  return out.join('');
}
