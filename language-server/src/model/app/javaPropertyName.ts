/**
 * Whether java.util.regex knows the property a `\p{…}` or `\pX` names (Pattern.family, CharPredicates, OpenJDK 17),
 * else Java's description of the refusal. JavaScript without the `u` flag reads `\p{Foo}` as the text "p{Foo}", so
 * a misspelt property (`\p{alpha}`, `\p{L&}`) passed the linter and Marathon refused the app (marathon-rules.md §4.5).
 * Pure.
 */

import { JAVA_BLOCK_NAMES, JAVA_SCRIPT_NAMES } from './javaUnicodeNames';
import { JAVA9_BLOCK_NAMES, JAVA9_SCRIPT_NAMES } from './javaUnicodeNamesJava9';

/** CharPredicates.forProperty: general categories, POSIX classes and java.lang.Character methods, case as written. */
const PROPERTIES = new Set([
  ...'Cn Lu Ll Lt Lm Lo Mn Me Mc Nd Nl No Zs Zl Zp Cc Cf Co Cs Pd Ps Pe Pc Po Sm Sc Sk So Pi Pf L M N Z C P S LC LD L1'.split(' '),
  ...'all ASCII Alnum Alpha Blank Cntrl Digit Graph Lower Print Punct Space Upper XDigit'.split(' '),
  ...'LowerCase UpperCase Alphabetic Ideographic TitleCase Digit Defined Letter LetterOrDigit JavaIdentifierStart JavaIdentifierPart UnicodeIdentifierStart UnicodeIdentifierPart IdentifierIgnorable SpaceChar Whitespace ISOControl Mirrored'
    .split(' ')
    .map((m) => `java${m}`),
]);
/** CharPredicates.getPosixPredicate, looked up upper-cased (`\p{IsAlpha}`, or `\p{alpha}` under (?U)). */
const POSIX = new Set('ALPHA LOWER UPPER SPACE PUNCT XDIGIT ALNUM CNTRL DIGIT BLANK GRAPH PRINT'.split(' '));
/** The POSIX names Java 8's UnicodeProp.forName knows after `Is` in any case (JDK 8 UnicodeProp's constants). */
const JAVA8_POSIX_ANY_CASE = new Set('ALNUM BLANK GRAPH PRINT DIGIT'.split(' '));
/** CharPredicates.getUnicodePredicate, binary properties after `Is`, looked up upper-cased. */
const BINARY = new Set(
  'ALPHABETIC ASSIGNED CONTROL HEXDIGIT HEX_DIGIT IDEOGRAPHIC JOINCONTROL JOIN_CONTROL LETTER LOWERCASE NONCHARACTERCODEPOINT NONCHARACTER_CODE_POINT TITLECASE PUNCTUATION UPPERCASE WHITESPACE WHITE_SPACE WORD DIGIT'.split(' '),
);

/** Java's upper-casing of a name (Locale.ROOT/US/ENGLISH agree with JavaScript's for these ASCII tables). */
const upper = (s: string) => s.toUpperCase();

/** Java 8's refusal of a script or block name Java 9+ knows and Java 8 does not (Pattern.unicodeScriptPropertyFor, unicodeBlockPropertyFor). */
function java9Name(kind: 'script' | 'block', value: string): string | undefined {
  const newer = kind === 'script' ? JAVA9_SCRIPT_NAMES : JAVA9_BLOCK_NAMES;
  return newer.has(upper(value)) ? `Unknown character ${kind} name {${value}}` : undefined;
}

/**
 * `name` is the text between the braces (or the one letter of `\pX`); `unicodeClass` is whether the
 * UNICODE_CHARACTER_CLASS flag (`(?U)`) may be on there, which admits POSIX names in any case; `java8`: as Java 8
 * reads it, which knows Unicode 6.2's scripts and blocks only (javaUnicodeNamesJava9.ts).
 */
export function javaPropertyRefusal(name: string, unicodeClass: boolean, java8 = false): string | undefined {
  const eq = name.indexOf('=');
  if (eq >= 0) {
    const key = name.slice(0, eq).toLowerCase();
    const value = name.slice(eq + 1);
    if (java8 && (key === 'sc' || key === 'script' || key === 'blk' || key === 'block')) {
      const why = java9Name(key === 'sc' || key === 'script' ? 'script' : 'block', value);
      if (why) return why;
    }
    const known =
      key === 'sc' || key === 'script'
        ? JAVA_SCRIPT_NAMES.has(upper(value))
        : key === 'blk' || key === 'block'
          ? JAVA_BLOCK_NAMES.has(upper(value))
          : (key === 'gc' || key === 'general_category') && PROPERTIES.has(value);
    return known ? undefined : `Unknown Unicode property {name=<${key}>, value=<${value}>}`;
  }
  let known: boolean;
  if (name.startsWith('In')) {
    const why = java8 ? java9Name('block', name.slice(2)) : undefined;
    if (why) return why;
    known = JAVA_BLOCK_NAMES.has(upper(name.slice(2)));
  } else if (name.startsWith('Is')) {
    const short = name.slice(2);
    known = BINARY.has(upper(short)) || POSIX.has(upper(short)) || PROPERTIES.has(short);
    // Pattern.family tries a script last. Java 8 looks a POSIX name up in any case only when it is a UnicodeProp
    // (Alnum, Blank, Graph, Print, Digit), else as written (`Alpha`, not `ALPHA`), then as a script.
    const java8Posix = java8 && known && !BINARY.has(upper(short)) && !PROPERTIES.has(short) && !JAVA8_POSIX_ANY_CASE.has(upper(short));
    if (java8Posix) return `Unknown character script name {${short}}`;
    const why = !known && java8 ? java9Name('script', short) : undefined;
    if (why) return why;
    known ||= JAVA_SCRIPT_NAMES.has(upper(short));
  } else known = (unicodeClass && POSIX.has(upper(name))) || PROPERTIES.has(name);
  return known ? undefined : `Unknown character property name {${name}}`;
}
