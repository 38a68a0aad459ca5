import { javaPatternAsJs } from './javaPatternAsJs';
import { javaCommentsStripped } from './javaComments';
import { javaRegexRefusal } from './javaRegexRefusal';
import { javaUnquoted } from './javaUnquoted';

/** Characters that mean themselves to Pattern and to RegExp, and `.`: a value of only these compiles in both (`rack-1`, `us-east-1.a`). */
const PLAIN = /^[A-Za-z0-9_\-.,:/@= ]*$/;

/**
 * Whether a pattern compiles as a java.util.regex.Pattern, approximated with the JavaScript engine: first the
 * constructs Java refuses and JavaScript reads as text (javaRegexRefusal.ts: `a{`, `\\k`, `\\x4`), then the pattern,
 * unquoted as Pattern does (javaUnquoted.ts), rewritten where Java's grammar is wider (javaPatternAsJs.ts: `x{2}{3}`,
 * `^*`, `[a[b]]`, inline flags, possessive quantifiers, `\p{Alpha}`). It errs towards accepting: a false "invalid"
 * would block a valid app. Under comments mode (`(?x)`) what Pattern skips is left out first (javaComments.ts).
 */
export function javaRegexError(pattern: string): string | undefined {
  if (PLAIN.test(pattern)) return undefined;
  const refused = javaRegexRefusal(pattern);
  if (refused !== undefined) return refused;
  const unquoted = javaUnquoted(pattern);
  try {
    new RegExp(javaPatternAsJs(javaCommentsStripped(unquoted)?.text ?? unquoted));
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
