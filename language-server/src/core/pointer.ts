/** RFC 6901 pointers → token lists and values (escaping and joining: `escapePointerToken`, `joinPointer` in documentModel.ts). */

export function pointerTokens(pointer: string): string[] {
  if (pointer === '' || pointer === '#') return [];
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  return body
    .split('/')
    .slice(1)
    .map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
}

/** Value at a pointer, or undefined when it does not resolve. */
export function valueAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const t of pointerTokens(pointer)) {
    if (Array.isArray(v)) v = /^(0|[1-9]\d*)$/.test(t) ? v[Number(t)] : undefined;
    else if (typeof v === 'object' && v !== null && Object.prototype.hasOwnProperty.call(v, t)) v = (v as Record<string, unknown>)[t];
    else return undefined;
  }
  return v;
}
