/**
 * What Marathon 1.9+ does with `acceptedResourceRoles` beside the one role an app runs under: only `*` and that role
 * are allowed. 1.10 refuses others (AppValidation → state/ResourceRole.scala `validForRole`, "acceptedResourceRoles can
 * only contain * and <role>") unless --deprecated_features sanitize_accepted_resource_roles, which /v2/info does not
 * report; 1.9, where that feature is on by default, drops them (AppNormalization.sanitizeAcceptedResourceRoles),
 * falling back to `*` from 1.9.64 and leaving an empty set, refused by `notEmpty`, before (marathon-rules.md §4.3
 * `accepted-roles-for-role`). Pure: rule accepted-roles-for-role and placement (cluster/placement/marathonRole.ts) say it.
 */

export type AcceptedRolesVerdict =
  /** Nothing but `*` and the role. */
  | { kind: 'fine' }
  /** 1.10: refused; `allowed` as Marathon lists it (SortedSet("*") ++ role). */
  | { kind: 'refused'; dropped: string[]; allowed: string[] }
  /** Before 1.9.64: every entry dropped, and the empty set refused. */
  | { kind: 'emptied'; dropped: string[]; allowed: string[] }
  /** 1.9: the others dropped; `accepted` is what Marathon keeps (`*` when none is left, from 1.9.64). */
  | { kind: 'sanitized'; dropped: string[]; allowed: string[]; accepted: string[] };

export function acceptedRolesFor(role: string, acceptedResourceRoles: readonly unknown[], atLeast: (v: string) => boolean): AcceptedRolesVerdict {
  const given = [...new Set(acceptedResourceRoles.filter((x): x is string => typeof x === 'string'))];
  const dropped = given.filter((x) => x !== '*' && x !== role);
  if (dropped.length === 0) return { kind: 'fine' };
  // SortedSet("*") ++ role, mkString(" and "): Scala's String order is UTF-16 code units, as JavaScript's sort.
  const allowed = [...new Set(['*', role])].sort();
  if (atLeast('1.10')) return { kind: 'refused', dropped, allowed };
  const kept = given.filter((x) => !dropped.includes(x));
  if (kept.length === 0 && !atLeast('1.9.64')) return { kind: 'emptied', dropped, allowed };
  return { kind: 'sanitized', dropped, allowed, accepted: kept.length > 0 ? kept : ['*'] };
}
