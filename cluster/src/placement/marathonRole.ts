/**
 * The Mesos role Marathon gives an app when it is deployed, for placement (`dry-run --app`, `scale`, VS Code's Test
 * mount): an adapter from the cluster's facts (/v2/info, the deployed root group) to the model's decisions, which lint
 * shares (language-server model/app/appRole.ts postedServiceRole, model/group/groupBodyRoles.ts groupBodyDefaultRole and
 * groupBodyRoleSets, model/app/acceptedRolesForRole.ts), said in placement's words. Its role decides which reserved
 * resources it may use (candidates.ts). What Marathon decides:
 * - Before 1.9 an app has no role: placed as `*`, as before (marathon-rules.md §4.3: roles are 1.9+).
 * - An app file (`PUT /v2/apps/{id}`): util/RoleSettings.scala `forService` (1.9.32 to 1.10.26). A service directly
 *   in `/` takes `--mesos_role` (/v2/info `marathon_config.mesos_role`, default `*`, marathon-api.md §9) and may use
 *   only it. A nested one: when its top-level group enforces its role (the deployed group's `enforceRole`,
 *   marathon-api.md §5), the group's name, allowing that and the role it is deployed with; else `--mesos_role`,
 *   allowing that, the group's name and the deployed role. A top-level group not deployed yet enforces as
 *   `--new_group_enforce_role` says from 1.9.100, never before (language-server model/app/appRole.ts). Only 1.9.100 gives
 *   a nested service under a deployed top-level group that does not enforce the group's name when that flag is `Top`
 *   (`defaultRoleToUse`, fixed in 1.9.109 by #7099). An app already deployed keeps its role: `PUT /v2/apps/{id}` merges
 *   the body into the stored app (partialUpdate, its default; marathon-api.md §4), so no `role` keeps the stored one
 *   (raml/AppConversion.scala `update.role.orElse(app.role)`), checked against the same roles.
 * - An app a group file lists (`PUT /v2/groups/{id}`, 1.9.64+): api/v2/GroupNormalization.scala, whose default role is
 *   the top-level group's name when it enforces (the body's own `enforceRole`, else `--new_group_enforce_role`; for a
 *   body below the top level, the deployed group's), else `--mesos_role`; the roles it allows are
 *   model/group/groupBodyRoles.ts's. Before 1.9.64 /v2/groups took RoleSettings.forService for each app, as above.
 * A role outside what Marathon allows is its refusal, `got <role>, expected one of: [<roles>]`
 * (marathon-rules.md §4.3 `role-valid`): reported, never placed. Where the facts to decide are missing (the root group unreadable, the
 * flag unknown), both roles are returned and placement says where they differ (rolePlacement.ts).
 */
import type { GroupInfo } from '../marathon/types';
import { nestedServiceRoleSets, postedServiceRole, postedTopLevelEnforces, type PostedServiceFacts } from '@marathon-devtools/language-server/model/app/appRole';
import { groupBodyDefaultRole, groupBodyRoleSets, type BodyDefaultRole, type BodyGroup } from '@marathon-devtools/language-server/model/group/groupBodyRoles';
import { resolveId } from '@marathon-devtools/language-server/model/documentModel';
import { acceptedRolesFor } from '@marathon-devtools/language-server/model/app/acceptedRolesForRole';

/** What /v2/info (marathon-api.md §9) and /v2/groups (§5) say; each undefined when it could not be read. */
export interface RoleFacts {
  /** `version`; undefined: /v2/info could not be read, and the app is placed as before (its role, else `*`). */
  version?: string;
  /** `marathon_config.mesos_role` (absent: `*`, MarathonConf's default). */
  mesosRole?: string;
  /** `marathon_config.new_group_enforce_role` ("Off" or "Top"; absent before 1.9.100). */
  newGroupEnforceRole?: string;
  /** The deployed root group, or why it could not be read. */
  rootGroup?: GroupInfo | { unknown: string };
}

/** RoleFacts from what marathonApps read: /v2/info's (or why it could not be read) and the root group's. */
export function roleFacts(info: { version: string; mesosRole?: string; newGroupEnforceRole?: string } | { unknown: string }, rootGroup?: GroupInfo | { unknown: string }): RoleFacts {
  if ('unknown' in info) return {};
  return { version: info.version, mesosRole: info.mesosRole, newGroupEnforceRole: info.newGroupEnforceRole, rootGroup };
}

/** Where the app comes from: its absolute id, and for an app a group file lists the groups from the body down to it. */
export interface AppSource {
  absoluteId?: string;
  /** Empty or absent for an app file (posted on its own); the groups of the body (GroupUpdate) otherwise. */
  chain?: readonly BodyGroup[];
}

export interface ResolvedRole {
  /** The role it runs under; two when the facts cannot tell (each placed, differences undecided). */
  roles: string[];
  /** Why two roles: what would decide. */
  open?: string;
  /** The app sets no role (1.9+): why Marathon gives it this one, said where it is not `*`. */
  defaulted?: string;
  /** Marathon refuses the app: why, in its words. */
  refused?: string;
  /** The acceptedResourceRoles Marathon 1.9 keeps of the app's (others than `*` and its role dropped), and that it did. */
  acceptedResourceRoles?: string[];
  sanitized?: string;
}

const quoted = (s: string) => JSON.stringify(s);
const segments = (id: string) => id.split('/').filter(Boolean);

/** major.minor.patch of a reported version ("1.10.26", "1.9.109-SNAPSHOT"); undefined when it does not read so. */
function versionParts(v: string): number[] | undefined {
  const m = /^(\d+)\.(\d+)(?:\.(\d+))?/.exec(v);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)] : undefined;
}

function atLeast(version: string, min: string): boolean {
  const a = versionParts(version);
  const b = versionParts(min)!;
  // A version that does not read as one is taken for the newest (as gpuCheck.ts does).
  if (a === undefined) return true;
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return a[i] > b[i];
  return true;
}

function findGroup(root: GroupInfo, id: string): GroupInfo | undefined {
  if (root.id === id) return root;
  for (const g of root.groups ?? []) if (id === g.id || id.startsWith(g.id + '/')) return findGroup(g, id);
  return undefined;
}

/** The deployed app's role: null when nothing is deployed with this id, undefined when it cannot be told. */
function deployedRole(facts: RoleFacts, id: string): string | null | undefined {
  const root = facts.rootGroup;
  if (root === undefined || 'unknown' in root) return undefined;
  const parent = '/' + segments(id).slice(0, -1).join('/');
  const app = findGroup(root, parent === '/' ? '/' : parent)?.apps?.find((a) => a.id === id);
  if (app === undefined) return null;
  return typeof app.role === 'string' ? app.role : undefined;
}

/** The deployed top-level group's enforceRole: null when it is not deployed, undefined when it cannot be told. */
function deployedEnforce(facts: RoleFacts, topId: string): boolean | null | undefined {
  const root = facts.rootGroup;
  if (root === undefined || 'unknown' in root) return undefined;
  const g = root.groups.find((x) => x.id === topId);
  if (g === undefined) return null;
  return g.enforceRole === true;
}

const rootGroupWhy = (facts: RoleFacts) => (facts.rootGroup !== undefined && 'unknown' in facts.rootGroup ? `the deployed groups could not be read (${facts.rootGroup.unknown})` : 'the deployed groups were not read');

/** Marathon's refusal of `role`; `written`: the file sets it (false: the role an app file keeps from its deployed app). */
function refusal(role: string, sets: string[][], why: string, written = true): string {
  const got = sets.map((s) => `"role": got ${role}, expected one of: [${s.join(', ')}]`).join(' or ');
  const allowed = [...new Set(sets.flat())].map(quoted).join(', ');
  return `Marathon refuses it: ${got} (${why}); set "role" to ${allowed.includes(',') ? 'one of ' : ''}${allowed}${written ? ', or remove it to take the default' : ''}`;
}

/** A role Marathon allows under every set it may check with, else its refusal (only when every set is known). */
function checked(role: string, sets: string[][] | undefined, why: string): ResolvedRole {
  if (sets === undefined || sets.some((s) => s.includes(role))) return { roles: [role] };
  return { roles: [role], refused: refusal(role, sets, why) };
}

/** How `PUT /v2/apps/{id}` (partialUpdate) keeps the role of the deployed app for a body without one. */
const keptRole = (role: string) => `it is deployed with role ${quoted(role)}, which PUT /v2/apps/{id} keeps when the body has no "role"`;

/**
 * RoleSettings.forService for an app posted on its own (`appFile`), or, before 1.9.64, listed by a group body (which
 * replaces the app: no role takes the default, not the deployed one). The decision is the model's
 * (postedServiceRole, postedTopLevelEnforces, nestedServiceRoleSets); this says it for placement.
 */
function forService(spec: { role?: unknown }, id: string, mesosRole: string, facts: RoleFacts, version: string, appFile: boolean): ResolvedRole {
  const own = typeof spec.role === 'string' ? spec.role : undefined;
  const path = segments(id);
  const top = path[0];
  const flag = facts.newGroupEnforceRole === 'Off' || facts.newGroupEnforceRole === 'Top' ? facts.newGroupEnforceRole : null;
  const existing = deployedRole(facts, id);
  const kept = own === undefined && appFile ? existing : undefined;
  const modelFacts: PostedServiceFacts = {
    mesosRole,
    absoluteId: id,
    topLevelEnforce: path.length <= 1 ? null : deployedEnforce(facts, '/' + top),
    newGroupEnforceRole: flag,
    atLeast: (v: string) => atLeast(version, v),
    // A version Marathon reports names its patch ("1.9.40"; a bare one reads as its .0).
    patchKnown: true,
    deployedRole: kept,
  };
  if (path.length <= 1) {
    // "We have a service in the root group, no enforced role here": validRoles = Set(defaultRole), without the deployed role.
    if (typeof kept === 'string') return kept === mesosRole ? { roles: [kept], defaulted: keptRole(kept) } : { roles: [kept], refused: refusal(kept, [[mesosRole]], `${keptRole(kept)}, and an app directly in / may only use --mesos_role ${quoted(mesosRole)}`, false) };
    return own === undefined ? { roles: [mesosRole], defaulted: `an app directly in / runs under Marathon's --mesos_role` } : checked(own, [[mesosRole]], `an app directly in / may only use --mesos_role ${quoted(mesosRole)}`);
  }
  const deployed = modelFacts.topLevelEnforce;
  const enforce = deployed === undefined ? undefined : postedTopLevelEnforces(modelFacts);
  const whyEnforce =
    deployed === true
      ? `its top-level group /${top} enforces its role`
      : deployed === false
        ? `its top-level group /${top} does not enforce a role`
        : deployed === null
          ? `its top-level group /${top} is not deployed yet, and Marathon creates it ${enforce === true ? 'enforcing its role (--new_group_enforce_role Top)' : enforce === false ? `without enforcing a role (${atLeast(version, '1.9.100') ? '--new_group_enforce_role Off' : 'before 1.9.100 whatever the flag says'})` : 'enforcing its role or not as --new_group_enforce_role says (not reported)'}`
          : rootGroupWhy(facts);
  if (own !== undefined) {
    const sets = existing === undefined ? undefined : nestedServiceRoleSets(mesosRole, top, existing, enforce);
    return checked(own, sets, whyEnforce);
  }
  const given = postedServiceRole(modelFacts);
  // Always among the roles RoleSettings allows (maybeExistingRole).
  if ('role' in given && given.basis.kind === 'kept') return { roles: [given.role], defaulted: keptRole(given.role) };
  // v1.9.100 only: `defaultRoleToUse = if (defaultForEnforceFromConfig) topLevelGroupRole else defaultRole`.
  const why19100 = `${whyEnforce}, and Marathon 1.9.100 then gives an app without role the group's name when --new_group_enforce_role is Top, else --mesos_role`;
  if ('open' in given) {
    const why = given.open === 'quirkFlag' ? `${why19100} (not reported)` : whyEnforce;
    return { roles: given.roles, open: `whether ${id} runs under its top-level group's name ${quoted(top)} or --mesos_role ${quoted(mesosRole)}: ${why}` };
  }
  if (given.basis.kind === 'quirk19100') return { roles: [given.role], defaulted: why19100 };
  if ((given.basis.kind === 'deployedGroup' || given.basis.kind === 'createdGroup') && given.basis.enforce) return { roles: [top], defaulted: whyEnforce };
  return { roles: [given.role], defaulted: `${whyEnforce}, so it runs under Marathon's --mesos_role` };
}

/** GroupNormalization (1.9.64+) for an app a group body lists: the model's groupBodyDefaultRole and groupBodyRoleSets, said for placement. */
function forGroupBody(spec: { role?: unknown }, chain: readonly BodyGroup[], id: string | undefined, mesosRole: string, facts: RoleFacts): ResolvedRole {
  const flag = facts.newGroupEnforceRole === 'Off' || facts.newGroupEnforceRole === 'Top' ? facts.newGroupEnforceRole : null;
  const lookup = (topId: string) => deployedEnforce(facts, topId);
  const lister = chain[chain.length - 1];
  const given = groupBodyDefaultRole(mesosRole, flag, chain, lookup);
  const why = bodyWhy(given, facts, flag);
  if (typeof spec.role === 'string') {
    const existing = id === undefined ? undefined : deployedRole(facts, id);
    return checked(spec.role, existing === undefined ? undefined : groupBodyRoleSets(mesosRole, flag, chain, existing, lookup)?.sets, why);
  }
  if (given !== undefined && 'role' in given) {
    if (given.basis.kind === 'root') return { roles: [given.role], defaulted: why };
    const enforced = given.basis.kind === 'below' ? given.basis.topEnforce === true : given.basis.enforce;
    return enforced ? { roles: [given.role], defaulted: why } : { roles: [given.role], defaulted: `${why}, so its apps run under Marathon's --mesos_role` };
  }
  const group = given?.group ?? segments(lister.id)[0] ?? '*';
  return { roles: [group, mesosRole], open: `whether the apps of ${lister.id} run under ${quoted(group)} or --mesos_role ${quoted(mesosRole)}: ${why}` };
}

/** Why the body gives that default role (groupBodyDefaultRole's answer), in the words placement uses. */
function bodyWhy(given: BodyDefaultRole | undefined, facts: RoleFacts, flag: 'Off' | 'Top' | null): string {
  if (given === undefined) return `the body is a scale or rollback, or its enforceRole is not a boolean`;
  if ('open' in given) {
    return given.open === 'rootGroup' ? rootGroupWhy(facts) : `the body leaves out /${given.group}'s enforceRole, so --new_group_enforce_role decides (not reported)`;
  }
  const b = given.basis;
  if (b.kind === 'root') return `/v2/groups gives an app the body for / lists Marathon's --mesos_role`;
  if (b.kind === 'below') return b.topEnforce === true ? `its deployed top-level group /${b.group} enforces its role` : `its top-level group /${b.group} ${b.topEnforce === null ? 'is not deployed' : 'does not enforce a role'}`;
  return b.written ? `the body sets enforceRole: ${b.enforce} on /${b.group}` : `the body leaves out /${b.group}'s enforceRole, so --new_group_enforce_role decides (${flag})`;
}

/**
 * One line for people when the app sets no role and gets one other than `*`, or when Marathon drops some of its
 * acceptedResourceRoles; undefined otherwise.
 */
export function defaultRoleNote(r: ResolvedRole): string | undefined {
  const notes = [r.sanitized];
  if (r.defaulted !== undefined && r.roles.length === 1 && r.roles[0] !== '*') notes.unshift(`no "role" in the definition: Marathon gives it role ${quoted(r.roles[0])} (${r.defaulted}), whose reserved resources it may use`);
  const said = notes.filter((n): n is string => n !== undefined);
  return said.length > 0 ? said.join('; ') : undefined;
}

/** acceptedResourceRoles beside the one role the app runs under (1.9+), as the model judges them (acceptedRolesFor). Two possible roles: left as written. */
function withAcceptedRoles(r: ResolvedRole, spec: { acceptedResourceRoles?: unknown }, version: string): ResolvedRole {
  if (r.refused !== undefined || r.roles.length !== 1 || !Array.isArray(spec.acceptedResourceRoles)) return r;
  const role = r.roles[0];
  const v = acceptedRolesFor(role, spec.acceptedResourceRoles, (min) => atLeast(version, min));
  if (v.kind === 'fine') return r;
  const dropped = v.dropped.map(quoted).join(', ');
  const runsUnder = `it runs under role ${quoted(role)}${r.defaulted === undefined ? '' : `: ${r.defaulted}`}`;
  if (v.kind === 'refused') {
    return { ...r, refused: `Marathon refuses it: "acceptedResourceRoles": acceptedResourceRoles can only contain ${v.allowed.join(' and ')} (${runsUnder}; only with --deprecated_features sanitize_accepted_resource_roles would it drop ${dropped} instead); remove ${dropped} from acceptedResourceRoles` };
  }
  if (v.kind === 'emptied') {
    return { ...r, refused: `Marathon refuses it: "acceptedResourceRoles": must not be empty (Marathon ${version} drops every role but ${v.allowed.map(quoted).join(' and ')} from it, and ${runsUnder}); keep ${v.allowed.map(quoted).join(' or ')} in acceptedResourceRoles` };
  }
  return { ...r, acceptedResourceRoles: v.accepted, sanitized: `Marathon ${version} drops ${dropped} from acceptedResourceRoles (only "*" and the role it runs under, ${quoted(role)}, are kept): placed as accepting ${JSON.stringify(v.accepted)}` };
}

/** The role(s) Marathon gives the app `spec` from `source` (its id, and the group body listing it) with `facts`. */
export function resolveAppRole(spec: { role?: unknown; acceptedResourceRoles?: unknown }, source: AppSource, facts: RoleFacts): ResolvedRole {
  const r = roleOf(spec, source, facts);
  return facts.version === undefined || !atLeast(facts.version, '1.9') ? r : withAcceptedRoles(r, spec, facts.version);
}

function roleOf(spec: { role?: unknown }, source: AppSource, facts: RoleFacts): ResolvedRole {
  const own = typeof spec.role === 'string' && spec.role !== '' ? spec.role : undefined;
  const version = facts.version;
  // No role before 1.9; an unknown version keeps what the file says (as before this knew any role default).
  if (version === undefined || !atLeast(version, '1.9')) return { roles: [own ?? '*'] };
  // app.raml / pod.raml `role?: string, minLength: 1`: refused as Marathon reads the JSON (marathon-rules.md §1), before any role rule.
  if (spec.role === '') return { roles: [''], refused: `Marathon refuses it: "role": error.minLength (Invalid JSON: a role is at least one character); name a role, or remove "role" to take the default` };
  const mesosRole = typeof facts.mesosRole === 'string' && facts.mesosRole !== '' ? facts.mesosRole : '*';
  const chain = source.chain ?? [];
  if (chain.length > 0 && atLeast(version, '1.9.64')) return forGroupBody(spec, chain, source.absoluteId, mesosRole, facts);
  if (source.absoluteId === undefined) return own === undefined ? { roles: [mesosRole], defaulted: `without an id, Marathon's --mesos_role` } : { roles: [own] };
  return forService(spec, source.absoluteId, mesosRole, facts, version, chain.length === 0);
}

/**
 * The groups of a group document from the body (its root) down to the one listing the app at `appPointer`
 * (`…/apps/<i>`), with absolute ids as Marathon resolves them; empty for an app document (pointer "") and for an
 * element of a batch of apps (an array, `PUT /v2/apps`: each element is placed by its own id, like an app document).
 */
export function groupBodyChain(doc: unknown, appPointer: string): BodyGroup[] {
  if (appPointer === '' || typeof doc !== 'object' || doc === null || Array.isArray(doc)) return [];
  const parts = appPointer.split('/').slice(1);
  const chain: BodyGroup[] = [];
  let node: unknown = doc;
  let base = '/';
  for (let i = 0; i < parts.length - 2; i += 2) {
    if (typeof node !== 'object' || node === null) return [];
    const g = node as Record<string, unknown>;
    const id = typeof g.id === 'string' ? resolveId(g.id, base) : base;
    chain.push({ id, written: g });
    base = id;
    if (parts[i] !== 'groups') return [];
    node = (g.groups as unknown[] | undefined)?.[Number(parts[i + 1])];
  }
  if (typeof node !== 'object' || node === null) return [];
  const g = node as Record<string, unknown>;
  chain.push({ id: typeof g.id === 'string' ? resolveId(g.id, base) : base, written: g });
  return chain;
}
