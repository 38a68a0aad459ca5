/**
 * A java.util.regex pattern with its `\Q…\E` quoting turned into escapes, as Pattern does before it parses anything
 * (Pattern.RemoveQEQuoting, OpenJDK 17): a quoted character that is neither a letter nor a digit nor non-ASCII gets a
 * backslash, a quoted backslash becomes `\\`, a quote without `\E` runs to the end, and a quoted digit right after
 * `\Q` is written `\x3n` so that it cannot extend an escape before the quote. Letters and digits are copied as they
 * are, so `\x\Qb1` reads as `\xb1`. Java's error indexes point into this text. Pure.
 */
export function javaUnquoted(pattern: string): string {
  let i = 0;
  while (i < pattern.length - 1) {
    if (pattern[i] !== '\\') i += 1;
    else if (pattern[i + 1] !== 'Q') i += 2;
    else break;
  }
  if (i >= pattern.length - 1) return pattern;
  let out = pattern.slice(0, i);
  i += 2;
  let inQuote = true;
  let beginQuote = true;
  while (i < pattern.length) {
    const c = pattern[i++];
    if (c > '\x7f' || /[a-zA-Z]/.test(c)) out += c;
    else if (/[0-9]/.test(c)) out += (beginQuote ? '\\x3' : '') + c;
    else if (c !== '\\') out += (inQuote ? '\\' : '') + c;
    else if (inQuote) {
      if (pattern[i] === 'E') {
        i++;
        inQuote = false;
      } else out += '\\\\';
    } else if (pattern[i] === 'Q') {
      i++;
      inQuote = true;
      beginQuote = true;
      continue;
    } else {
      out += c;
      if (i !== pattern.length) out += pattern[i++];
    }
    beginQuote = false;
  }
  return out;
}
