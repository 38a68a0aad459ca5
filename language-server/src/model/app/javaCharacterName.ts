/**
 * Whether `\N{name}` names a character for java.util.regex (Pattern.N → Character.codePointOf, OpenJDK 17): the
 * name trimmed and upper-cased is a Unicode character name, or a block's name and a code point in hex ("CJK UNIFIED
 * IDEOGRAPHS 4E00", the name Character.getName gives a character without one). The 33,762 Unicode names are carried
 * as a Bloom filter (javaCharacterNameFilter.ts, 40 KB): every real name passes, about 1 in 100 made-up names does
 * too, which errs towards accepting. Pure.
 */

import { JAVA_CHARACTER_NAME_FILTER } from './javaCharacterNameFilter';
import { JAVA_BLOCK_NAMES } from './javaUnicodeNames';

/** Hash functions of the filter; the filter's size in bits is its text's. */
const HASHES = 7;

function fnv1a(s: string, basis: number): number {
  let h = basis;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** The filter bits a name sets (double hashing over two FNV-1a hashes), in a filter of `bits` bits. */
export function characterNameBits(name: string, bits: number): number[] {
  const h1 = fnv1a(name, 0x811c9dc5);
  const h2 = fnv1a(name, 0x050c5d1f) | 1;
  return Array.from({ length: HASHES }, (_, i) => (h1 + Math.imul(i, h2)) >>> 0).map((h) => h % bits);
}

let filter: Uint8Array | undefined;

/** `name` as written between the braces. */
export function isJavaCharacterName(name: string): boolean {
  // String.trim drops every character up to U+0020 at both ends; Locale.ROOT upper-casing agrees with JavaScript's here.
  const key = name.replace(/^[\x00-\x20]+|[\x00-\x20]+$/g, '').toUpperCase();
  if (!/^[A-Z][A-Z0-9 ()-]*$/.test(key)) return false;
  const fallback = /^(.+) ([0-9A-F]{1,6})$/.exec(key);
  if (fallback && JAVA_BLOCK_NAMES.has(fallback[1].replace(/ /g, '_')) && parseInt(fallback[2], 16) <= 0x10ffff) return true;
  filter ??= Uint8Array.from(atob(JAVA_CHARACTER_NAME_FILTER), (c) => c.charCodeAt(0));
  const f = filter;
  return characterNameBits(key, f.length * 8).every((b) => (f[b >> 3] & (1 << (b & 7))) !== 0);
}
