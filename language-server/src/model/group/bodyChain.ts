/**
 * In a root-group run (src/rootGroup), the groups of the body that lists an app, as GroupNormalization walks them
 * (model/group/groupBodyRoles.ts), and the enforceRole of the top-level group before the change that a body below the
 * top level inherits its default role from (GroupNormalization.inferDefaultRole). Shared by role-valid and by the
 * role an app is given (model/app/givenRole.ts).
 */
import type { PartSource, RuleContext } from '../../core/rule';
import { isObject, joinPointer } from '../documentModel';
import type { BodyGroup } from './groupBodyRoles';

/**
 * True when the app comes from a group document that lists it (`…/apps/<i>`, sent with /v2/groups); false when it is
 * posted on its own: an app document (pointer "") or an element of a batch of apps (`/<i>`), which PUT /v2/apps gives
 * its role as PUT /v2/apps/{id} does (AppsResource.updateMultiple: RoleSettings.forService for each element's id).
 */
export function listedByGroupBody(source: Exclude<PartSource, 'cluster'>): boolean {
  return /\/apps\/(0|[1-9]\d*)$/.test(source.pointer);
}

/**
 * The groups from the body's own group down to the one listing the app at `pointer` (its source: a part of a group
 * document), each as the document wrote it; undefined unless all come from that document as written (so their own
 * `enforceRole` is known).
 */
export function listedBodyChain(ctx: RuleContext, pointer: string, source: Exclude<PartSource, 'cluster'>): BodyGroup[] | undefined {
  const chain: BodyGroup[] = [];
  for (let at = pointer.slice(0, pointer.lastIndexOf('/apps/')); ; at = at.slice(0, at.lastIndexOf('/groups/'))) {
    const group = groupAt(ctx.root, at);
    const s = ctx.sourceOf?.(at);
    if (!isObject(group) || typeof group.id !== 'string' || s === undefined || s === 'cluster') return undefined;
    if (s.document !== source.document || s.implied || s.written === undefined) return undefined;
    chain.unshift({ id: group.id, written: s.written });
    if (s.pointer === '') return chain;
    if (at === '') return undefined;
  }
}

/** The group at a pointer of the placed root group (`/groups/<i>/…`: tokens that need no unescaping), or undefined. */
function groupAt(root: unknown, pointer: string): unknown {
  let v: unknown = root;
  for (const t of pointer.split('/').slice(1)) v = isObject(v) ? v[t] : Array.isArray(v) ? v[Number(t)] : undefined;
  return v;
}

/**
 * The enforceRole of the top-level group `topId` in the root group before the change (GroupNormalization.inferDefaultRole):
 * null when it is not deployed (only document `document` implies it), undefined when another document changes it.
 */
export function bodyTopLevelEnforcement(ctx: RuleContext, topId: string, document: number): boolean | null | undefined {
  const root = ctx.root;
  if (!isObject(root) || !Array.isArray(root.groups)) return undefined;
  const i = root.groups.findIndex((g) => isObject(g) && g.id === topId);
  if (i < 0) return null;
  const s = ctx.sourceOf?.(joinPointer('', 'groups', i));
  if (s === 'cluster') {
    const enforce = (root.groups[i] as Record<string, unknown>).enforceRole;
    return typeof enforce === 'boolean' ? enforce : undefined;
  }
  return s !== undefined && s.document === document && s.implied ? null : undefined;
}
