/**
 * The first construct of a LIKE/UNLIKE value that Java 9 added to java.util.regex (`\N{name}`, `\b{g}`, `\X`, a
 * script or block newer than Unicode 6.2 in `\p{…}`), or a look-behind Java 8 measures more strictly
 * (javaLookbehind.ts), or a flag group clearing U (`(?-U)`), that Java 8's Pattern refuses, when Java 9+ compiles the value. Marathon targets Java 8 (build.sbt `-target:jvm-1.8`;
 * its packages install OpenJDK 8, DC/OS ships a Java 8 JRE), so there the app is refused as an invalid regular
 * expression (marathon-rules.md §4.5) though a Java 9+ JVM accepts it. What Java 9+ refuses as well is
 * constraint-like-regex's error, not this. Java 8's words are javaRegexRefusal's walk, which reads the value as Java 8
 * and as Java 9+ at once, said as PatternSyntaxException.getMessage says them ("near index"). Pure.
 */

import { escapeLength } from './javaEscape';
import { javaRegexError, plainPattern } from './javaRegex';
import { javaPatternWalk, type JavaRefusalSaid } from './javaRegexRefusal';
import { javaUnquoted } from './javaUnquoted';

/** `construct` as written in the (unquoted) pattern; `java8Says`: Java 8's description and index. */
export type Java9OnlyConstruct = { construct: string; java8Says: string };

/** A count Java 8 reads wrapped and JDK 9+ refuses: as written, as Java 8 reads it (`{1}`), JDK 9+'s description and index. */
export type WrappedCount = { construct: string; java8Reads: string; java9Says: string };

/**
 * What java.util.regex makes of a LIKE/UNLIKE value, from one walk that reads it as Java 8 and as Java 9+
 * (javaRegexRefusal.ts): `error`, javaRegexError's answer (Java 9+ refuses it, in Java's words); when there is none,
 * `java9`, the first construct Java 8 refuses, or `wrapped`, the first count Java 8 reads wrapped (java8Counts.ts:
 * `a{4294967297}` is `a{1}` on Java 8) without a word and JDK 9+ refuses.
 */
export type JavaRegexVerdict = { readonly error: string | undefined; readonly java9?: Java9OnlyConstruct; readonly wrapped?: WrappedCount };

/** What Java 8 and Java 9+ both compile, reading it alike. */
const COMPILES: JavaRegexVerdict = { error: undefined };

export function javaRegexVerdict(pattern: string): JavaRegexVerdict {
  if (plainPattern(pattern)) return COMPILES;
  const walk = javaPatternWalk(pattern);
  const error = javaRegexError(pattern, walk);
  if (error !== undefined) return { error };
  const { java8Only, wrapped } = walk;
  if (java8Only) return { error, java9: java9Construct(pattern, java8Only) };
  if (!wrapped?.lookbehind) return COMPILES;
  return { error, wrapped: { construct: wrapped.lookbehind, java8Reads: wrapped.java8Reads, java9Says: nearIndex(wrapped.said) } };
}

export const java9OnlyConstruct = (pattern: string): Java9OnlyConstruct | undefined => javaRegexVerdict(pattern).java9;

export const java8WrappedCount = (pattern: string): WrappedCount | undefined => javaRegexVerdict(pattern).wrapped;

/** Java's words as PatternSyntaxException.getMessage says them ("near index"). */
const nearIndex = (said: string) => said.replace(/ at index (\d+)$/, ' near index $1');

function java9Construct(pattern: string, refused: JavaRefusalSaid): Java9OnlyConstruct {
  const java8Says = nearIndex(refused.said);
  // A look-behind Java 8 cannot bound (and JDK 9+ can) is named whole, its index at its end; so is a flag group that
  // clears U, which Java 8 reads no further than the U.
  if (refused.lookbehind !== undefined) return { construct: refused.lookbehind, java8Says };
  // The index counts code points of the unquoted pattern and stands at the escape's letter (`N`, `X`, the `b` of
  // `\b{g}`), or at the `}` of a `\p{…}` naming a script or block newer than Unicode 6.2.
  const unquoted = javaUnquoted(pattern);
  const at = [...unquoted].slice(0, Number(/ at index (\d+)$/.exec(refused.said)?.[1])).join('').length;
  const start = refused.said.startsWith('Unknown character') ? Math.max(unquoted.lastIndexOf('\\p{', at), unquoted.lastIndexOf('\\P{', at)) : at - 1;
  return { construct: unquoted.slice(start, start + escapeLength(unquoted, start)), java8Says };
}
