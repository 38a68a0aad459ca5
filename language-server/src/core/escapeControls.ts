/**
 * Text from a document or a config (keys, names, values) made safe inside a message: control characters become
 * the escapes JSON writes ("\n", "\t", "\u0001"), so a key such as "foo\nbar" is shown as it is written in the
 * file and never breaks a `file:line:col message` line, a GitHub annotation or an editor's one-line list.
 */

// C0 controls, DEL, C1 controls, and the Unicode line and paragraph separators.
const unsafe = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g;
const named: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f' };

export function escapeControls(s: string): string {
  return s.replace(unsafe, (ch) => named[ch] ?? `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
