/**
 * The first construct of a LIKE/UNLIKE value that Java 9 added to java.util.regex (`\N{name}`, `\b{g}`, `\X`, a
 * script or block newer than Unicode 6.2 in `\p{…}`), or a look-behind Java 8 measures more strictly
 * (javaLookbehind.ts), or a flag group clearing U (`(?-U)`), that Java 8's Pattern refuses, when Java 9+ compiles the value. Marathon targets Java 8 (build.sbt `-target:jvm-1.8`;
 * its packages install OpenJDK 8, DC/OS ships a Java 8 JRE), so there the app is refused as an invalid regular
 * expression (marathon-rules.md §4.5) though a Java 9+ JVM accepts it. What Java 9+ refuses as well is
 * constraint-like-regex's error, not this. Java 8's words are javaRegexRefusal's walk with Java 8's escapes
 * (javaEscape.ts), said as PatternSyntaxException.getMessage says them ("near index"). Pure.
 */

import { escapeLength } from './javaEscape';
import { javaRegexError } from './javaRegex';
import { javaRegexRefusalSaid, javaWrappedCountSaid } from './javaRegexRefusal';
import { javaUnquoted } from './javaUnquoted';

const LOOKBEHIND_OR_ESCAPE = /\\|\?<|U/;

/** `construct` as written in the (unquoted) pattern; `java8Says`: Java 8's description and index. */
export type Java9OnlyConstruct = { construct: string; java8Says: string };

/** `known`: javaRegexError's answer on `pattern`, when the caller has it (model/app/likeVerdicts.ts). */
export function java9OnlyConstruct(pattern: string, known?: { error: string | undefined }): Java9OnlyConstruct | undefined {
  // Each construct Java 9 added starts with a backslash (`\N`, `\X`, `\b{g}`, `\p{…}`), but for a look-behind, whose
  // `?<` nothing splits (Pattern.group0 reads the `<` with skip()), while comments mode lets whitespace and a `#…`
  // comment stand between `(` and `?`, and for a flag group clearing U.
  if (!LOOKBEHIND_OR_ESCAPE.test(pattern)) return undefined;
  if ((known ? known.error : javaRegexError(pattern)) !== undefined) return undefined;
  const refused = javaRegexRefusalSaid(pattern, true);
  const m = refused === undefined ? null : /^(.*) at index (\d+)$/s.exec(refused.said);
  if (!m) return undefined;
  const java8Says = `${m[1]} near index ${m[2]}`;
  // A look-behind Java 8 cannot bound (and JDK 9+ can) is named whole, its index at its end; so is a flag group that
  // clears U, which Java 8 reads no further than the U.
  if (refused?.lookbehind !== undefined) return { construct: refused.lookbehind, java8Says };
  // The index counts code points of the unquoted pattern and stands at the escape's letter (`N`, `X`, the `b` of
  // `\b{g}`), or at the `}` of a `\p{…}` naming a script or block newer than Unicode 6.2.
  const unquoted = javaUnquoted(pattern);
  const at = [...unquoted].slice(0, Number(m[2])).join('').length;
  const start = m[1].startsWith('Unknown character') ? Math.max(unquoted.lastIndexOf('\\p{', at), unquoted.lastIndexOf('\\P{', at)) : at - 1;
  return { construct: unquoted.slice(start, start + escapeLength(unquoted, start)), java8Says };
}

/** A count Java 8 reads wrapped and JDK 9+ refuses: as written, as Java 8 reads it (`{1}`), JDK 9+'s description and index. */
export type WrappedCount = { construct: string; java8Reads: string; java9Says: string };

/**
 * The first count of `pattern` past Integer.MAX_VALUE that Java 8 reads wrapped, without a word, and JDK 9+ refuses
 * (java8Counts.ts: `a{4294967297}` is `a{1}` on Java 8), when JDK 9+ refuses nothing else; `known` as for
 * java9OnlyConstruct.
 */
export function java8WrappedCount(pattern: string, known?: { error: string | undefined }): WrappedCount | undefined {
  // Ten digits at least (comments mode lets whitespace stand between them).
  if (!/(?:\d\D*){10}/.test(pattern)) return undefined;
  if ((known ? known.error : javaRegexError(pattern)) !== undefined) return undefined;
  const wrapped = javaWrappedCountSaid(pattern);
  const m = wrapped === undefined ? null : /^(.*) at index (\d+)$/s.exec(wrapped.said);
  if (!wrapped?.lookbehind || !m) return undefined;
  return { construct: wrapped.lookbehind, java8Reads: wrapped.java8Reads, java9Says: `${m[1]} near index ${m[2]}` };
}
