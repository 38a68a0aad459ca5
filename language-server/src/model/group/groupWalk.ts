/**
 * Every group of a group document (the document itself first), with pointer, resolved absolute id and
 * parent id. Iterative, like `collectApps`, so deep nesting cannot overflow the stack.
 */
import { isObject, joinPointer, resolveId, type JsonObject } from '../documentModel';
import { perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';

export interface GroupRef {
  pointer: string;
  group: JsonObject;
  /** Absolute id after resolving against the parent; the parent's id when `id` is missing or not a string. */
  absoluteId: string;
  /** Undefined for the document's own group. */
  parentId: string | undefined;
}

function collectGroups(root: unknown): GroupRef[] {
  if (!isObject(root)) return [];
  const out: GroupRef[] = [];
  const stack: { group: JsonObject; pointer: string; parentId: string | undefined }[] = [{ group: root, pointer: '', parentId: undefined }];
  while (stack.length > 0) {
    const { group, pointer, parentId } = stack.pop()!;
    const base = parentId ?? '/';
    const absoluteId = typeof group.id === 'string' ? resolveId(group.id, base) : base;
    out.push({ pointer, group, absoluteId, parentId });
    if (Array.isArray(group.groups)) {
      for (let i = group.groups.length - 1; i >= 0; i--) {
        const child = group.groups[i];
        if (isObject(child)) stack.push({ group: child, pointer: joinPointer(pointer, 'groups', i), parentId: absoluteId });
      }
    }
  }
  return out;
}

/** The document's groups, walked once per run for every group rule (shared: read-only). */
export const groupsOf = perDocument((ctx: RuleContext): readonly GroupRef[] => collectGroups(ctx.root));

/** Parent of an absolute id ("/" for top-level ids and for "/"). */
export function parentOf(absoluteId: string): string {
  const i = absoluteId.lastIndexOf('/');
  return i <= 0 ? '/' : absoluteId.slice(0, i);
}
