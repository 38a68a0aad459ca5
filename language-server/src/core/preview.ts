/** A short, safe rendering of any JSON value for messages: bounded length, never walks a big or deep value. */

export function describeType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return 'a string';
  if (typeof v === 'number') return Number.isInteger(v) ? 'an integer' : 'a number';
  if (typeof v === 'boolean') return 'a boolean';
  return typeof v;
}

export function preview(v: unknown, max = 60): string {
  if (typeof v === 'string') {
    const s = JSON.stringify(v.length > max ? v.slice(0, max) : v);
    return v.length > max ? s.slice(0, -1) + '…"' : s;
  }
  if (Array.isArray(v)) return v.length === 0 ? '[]' : `[…] (${v.length} item${v.length === 1 ? '' : 's'})`;
  if (typeof v === 'object' && v !== null) {
    const keys = Object.keys(v);
    const shown = keys.slice(0, 4).map((k) => JSON.stringify(k)).join(', ');
    return keys.length === 0 ? '{}' : `{${shown}${keys.length > 4 ? ', …' : ''}}`;
  }
  return String(v);
}

/** `/container/volumes/0/mode` → `container.volumes[0].mode`, the way people say it. */
export function fieldPath(pointer: string, tokens: readonly string[]): string {
  if (tokens.length === 0) return 'the document';
  let out = '';
  for (const t of tokens) {
    if (/^(0|[1-9]\d*)$/.test(t)) out += `[${t}]`;
    else if (/^[A-Za-z_$][\w$-]*$/.test(t)) out += (out === '' ? '' : '.') + t;
    // Any other key in brackets, single-quoted when it can be: the message wraps the whole path in double quotes,
    // and `options."dvdi/iops"` inside them read as two strings.
    else out += /^[^'\\\p{Cc}\u2028\u2029]*$/u.test(t) ? `['${t}']` : `[${JSON.stringify(t)}]`;
  }
  return out || pointer;
}
