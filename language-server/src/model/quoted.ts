/**
 * A value from the document or the config as a message shows it: its JSON string, `"a\" b"` for `a" b` and
 * `"C:\\x"` for `C:\x`, so JSON.parse of what a reader copies gives back exactly what the file holds. Messages
 * that name a value write `${quoted(v)}`, never `"${v}"`; Marathon's own messages are quoted as Marathon writes them.
 *
 * Escaping happens once per character: JSON.stringify escapes `"`, `\` and C0 controls here; the characters it
 * leaves raw (DEL, C1, U+2028, U+2029) are escaped, the same JSON way, by the engine's pass over every message
 * (core/escapeControls.ts: runRules for the rules, parse and schemaValidation for their own findings), which
 * finds nothing to touch in what this returns.
 */
export function quoted(value: string): string {
  return JSON.stringify(value);
}
