/**
 * Cross-app checks: the engine's root-group rules (`rootGroupRules`, run by `placeIntoRootGroup` and
 * `checkRootGroup` of language-server/src/rootGroup, the same code `marathon-lint --marathon` and the editor
 * run) on the root group a write would make: Marathon's RootGroup.validRootGroup (marathon-rules.md §6.3 for
 * volume names; dependencies, app/group id clashes and roles likewise). The proposal (proposal.ts) has already
 * merged the body as Marathon would for its route; the engine places the result into the deployed root group,
 * cut down to what the rules can see from this request (relevantRoot.ts), so the cost does not grow with the
 * cluster. Findings come back in the proposed document they concern, pointer in that document.
 */
import { checkRootGroup, placeIntoRootGroup, rootGroupRules, type Profile, type RootGroupFinding } from '@marathon-devtools/language-server';
import { cacheChars, perProfile } from './contentCache';
import { ancestorIds, externalVolumeNames, hasDependencies, type DeployedState } from './deployedState';
import type { LintTarget, Proposal } from './proposal';
import { relevantRoot, type PlacedDocument } from './relevantRoot';
import type { RootTree } from './rootGroupPath';

/** The root-group rules, with the ones that need the whole deployed root group (the gate always has it). */
export const inContextRules = [...rootGroupRules.always, ...rootGroupRules.withCluster];

/** The rules run again on the new root group; a placed document's own findings of these are replaced. */
export const crossAppRuleIds: readonly string[] = inContextRules.map((r) => r.id);

export const volumeNameRuleId = 'dvdi-name-unique-in-root-group';

export interface CrossAppResult {
  /** Targets placed into the root group: their document-alone findings of `crossAppRuleIds` do not count. */
  placed: Set<LintTarget>;
  findings: { target: LintTarget; finding: RootGroupFinding }[];
  /** Ids of the new root group, for Marathon's root-group paths (rootGroupPath.ts); built on first use. */
  tree: () => RootTree;
}

interface InContext {
  placed: number[];
  findings: RootGroupFinding[];
}

/** Keyed by the placed documents' texts and the relevant deployed part: the whole input of the check. */
const cacheFor = perProfile<Profile, InContext>(cacheChars.crossApp);

export function crossAppFindings(proposal: Proposal, deployed: DeployedState, profile: Profile): CrossAppResult {
  const targets = proposal.targets.filter((t) => t.onlyPresentIn === undefined && t.kind !== 'pod');
  const docs: PlacedDocument[] = targets.map((t) => ({ kind: t.kind, value: t.value }));
  const neighbours = relevantRoot(deployed, docs);
  const key = JSON.stringify(neighbours) + targets.map((t) => '\0' + t.kind + '\0' + t.text).join('');
  const cache = cacheFor(profile);
  let result = cache.get(key);
  if (!result) {
    const placed = placeIntoRootGroup(neighbours, docs);
    result = { placed: targets.flatMap((_, i) => (placed.placedIds.has(i) ? [i] : [])), findings: checkRootGroup(placed, profile, inContextRules) };
    cache.set(key, result);
  }
  return {
    placed: new Set(result.placed.map((i) => targets[i])),
    findings: result.findings.map((finding) => ({ target: targets[finding.source], finding })),
    tree: () => newRootTree(proposal, deployed),
  };
}

function newRootTree(proposal: Proposal, deployed: DeployedState): RootTree {
  const gone = new Set([...proposal.replaces, ...proposal.apps.keys()]);
  return {
    groups: [...deployed.groups, ...[...proposal.apps.keys()].flatMap(ancestorIds)],
    apps: [...[...deployed.apps.keys()].filter((id) => !gone.has(id)), ...proposal.apps.keys()],
  };
}

/**
 * The cross-app rules a write could break that need the deployed apps to decide: skipped, for the fail mode,
 * when the deployed state is unavailable. Volume names and dependencies are the ones that reach other apps;
 * the other root-group rules still run on the document alone.
 */
export function undecidedWithoutState(proposal: Proposal): string[] {
  const apps = [...proposal.apps.values()];
  const out: string[] = [];
  if (apps.some((a) => externalVolumeNames(a).length > 0)) out.push(volumeNameRuleId);
  if (apps.some(hasDependencies) || proposal.targets.some((t) => t.kind === 'group' && hasDependencies(t.value))) out.push('group-cyclic-deps');
  return out;
}
