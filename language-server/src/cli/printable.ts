/**
 * Text from outside (file names above all) made safe for a human-readable line: control characters are shown as
 * escapes instead of acting. A newline in a file name must not start a new output line, where a CI runner would
 * read a forged `::error file=…` command (GitHub workflow commands are whole lines), and an ESC must not drive
 * the terminal. The `github` and `json` formats escape by their own rules; this is for stylish, stderr and progress.
 */

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

export function printable(s: string): string {
  return s.replace(unsafe, (ch) => named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
