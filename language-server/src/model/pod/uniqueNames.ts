/** Reports every later occurrence of a name already seen; used by the pod uniqueness rules. */
import { joinPointer } from '../documentModel';
import type { Part } from './podParts';

export function duplicateNames(parts: Part[], key = 'name'): { pointer: string; name: string }[] {
  const seen = new Set<string>();
  const out: { pointer: string; name: string }[] = [];
  for (const p of parts) {
    const name = p.value[key];
    if (typeof name !== 'string') continue;
    if (seen.has(name)) out.push({ pointer: joinPointer(p.pointer, key), name });
    seen.add(name);
  }
  return out;
}
