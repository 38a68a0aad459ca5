import { javaPatternAsJs } from './javaPatternAsJs';
import { javaPatternWalk, javaRegexRefusal, type JavaPatternWalk } from './javaRegexRefusal';

/** Characters that mean themselves to Pattern and to RegExp, and `.`: a value of only these compiles in both (`rack-1`, `us-east-1.a`). */
const PLAIN = /^[A-Za-z0-9_\-.,:/@= ]*$/;

/** Whether `pattern` holds only characters that mean themselves (and `.`): Java 8, Java 9+ and RegExp compile it alike. */
export const plainPattern = (pattern: string): boolean => PLAIN.test(pattern);

/**
 * Whether a pattern compiles as a java.util.regex.Pattern, approximated with the JavaScript engine: first the
 * constructs Java refuses and JavaScript reads as text (javaRegexRefusal.ts: `a{`, `\\k`, `\\x4`), then the pattern,
 * unquoted as Pattern does (javaUnquoted.ts), rewritten where Java's grammar is wider (javaPatternAsJs.ts: `x{2}{3}`,
 * `^*`, `[a[b]]`, inline flags, possessive quantifiers, `\p{Alpha}`). It errs towards accepting: a false "invalid"
 * would block a valid app. Under comments mode (`(?x)`) what Pattern skips is left out first (javaComments.ts).
 * `walk`: javaPatternWalk's answer on `pattern`, when the caller has it (javaRegexJava9Only.ts).
 */
export function javaRegexError(pattern: string, walk?: JavaPatternWalk): string | undefined {
  if (PLAIN.test(pattern)) return undefined;
  const walked = walk ?? javaPatternWalk(pattern);
  const refused = javaRegexRefusal(pattern, false, walked);
  if (refused !== undefined) return refused;
  try {
    // The pattern as the walk read it: unquoted as Pattern does, without what comments mode skips.
    new RegExp(javaPatternAsJs(walked.read));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
