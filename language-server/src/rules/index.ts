/**
 * Every rule, in one explicit list (no filesystem discovery). Order is the report order for
 * findings at the same position. Adding a rule: see CONTRIBUTING.md.
 */
import type { Rule } from '../core/rule';
import { volumeRules } from './volume/index';
import { dvdiRules } from './dvdi/index';
import { chronosRules } from './chronos/index';
import { appRules } from './app/index';
import { groupRules } from './group/index';
import { podRules } from './pod/index';
import { dockerRules } from './docker/index';
import { groupDependencyExists } from './group/group-dependency-exists';

export const rules: readonly Rule[] = [...volumeRules, ...dvdiRules, ...chronosRules, ...appRules, ...groupRules, ...podRules, ...dockerRules, groupDependencyExists];

/**
 * The rules Marathon runs on the whole new root group (RootGroup.validRootGroup), or whose verdict depends on
 * the groups around an app (roles): run again on the root group the linted files are placed into (src/rootGroup).
 */
const byId = (id: string): Rule => rules.find((r) => r.id === id)!;
export const rootGroupRules = {
  always: ['dvdi-name-unique-in-root-group', 'group-cyclic-deps', 'group-app-vs-group-id', 'group-app-vs-pod-id', 'group-pod-vs-group-id', 'accepted-roles-for-role', 'resident-role-not-star', 'role-valid'].map(byId),
  withCluster: [groupDependencyExists],
};
