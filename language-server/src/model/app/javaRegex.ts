import { javaRegexRefusal } from './javaRegexRefusal';

/**
 * Whether a pattern compiles as a java.util.regex.Pattern, approximated with the JavaScript engine, after the
 * constructs Java refuses and JavaScript reads as text (javaRegexRefusal.ts: `a{`, `\\k`, `\\x4`).
 * Java-only syntax (inline flags such as `(?i)`, possessive quantifiers, `\p{Alpha}` classes) is
 * neutralised first, so this errs towards accepting: a false "invalid" would block a valid app.
 */
export function javaRegexError(pattern: string): string | undefined {
  const refused = javaRegexRefusal(pattern);
  if (refused !== undefined) return refused;
  const jsish = pattern
    .replace(/\(\?[idmsuxU-]+\)/g, '')
    .replace(/\(\?[idmsuxU-]+:/g, '(?:')
    .replace(/([*+?}])\+/g, '$1')
    .replace(/\\p\{\w+\}|\\P\{\w+\}/g, 'a')
    .replace(/\\[QEAZzG]/g, '');
  try {
    new RegExp(jsish);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
