/**
 * A value the gate built (an app merged into the deployed one, a group's app on its own, an id filled in) as JSON
 * text for the engine. JSON.stringify writes a number that overflowed to ±Infinity when read (`1e400`) as `null`,
 * which the engine reads as the field left out, where Marathon's reader cannot read the number at all and
 * marathon-lint on the body's own text says so (the schema's "number too large" finding): such numbers are
 * written back as `1e400` / `-1e400`, which read as the same ±Infinity.
 */

function hasOverflow(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (typeof v !== 'object' || v === null) return false;
  for (const x of Array.isArray(v) ? v : Object.values(v)) if (hasOverflow(x)) return true;
  return false;
}

export function textForLint(value: unknown): string {
  const plain = JSON.stringify(value);
  if (!plain.includes('null') || !hasOverflow(value)) return plain;
  // A string no value holds stands in for each number, then is replaced by the number's text.
  let tag = '\u0000';
  while (plain.includes(JSON.stringify(tag).slice(1, -1))) tag += '\u0000';
  const marked = JSON.stringify(value, (_key, v: unknown) => (typeof v === 'number' && !Number.isFinite(v) ? tag + (v > 0 ? '+' : '-') : v));
  return marked.replaceAll(JSON.stringify(tag + '+'), '1e400').replaceAll(JSON.stringify(tag + '-'), '-1e400');
}
