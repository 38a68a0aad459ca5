/** Marathon's general group rules (marathon-rules.md §4), one per file. */
import type { Rule } from '../../core/rule';
import { groupAppChild } from './group-app-child';
import { groupAppVsGroupId } from './group-app-vs-group-id';
import { groupAppVsPodId } from './group-app-vs-pod-id';
import { groupCyclicDeps } from './group-cyclic-deps';
import { groupEnforceRoleTopLevel } from './group-enforce-role-toplevel';
import { groupIdPattern } from './group-id-pattern';
import { groupPodVsGroupId } from './group-pod-vs-group-id';
import { groupVersionScaleByAlone } from './group-version-scaleby-alone';

export const groupRules: Rule[] = [
  groupAppChild,
  groupAppVsGroupId,
  groupAppVsPodId,
  groupCyclicDeps,
  groupEnforceRoleTopLevel,
  groupIdPattern,
  groupPodVsGroupId,
  groupVersionScaleByAlone,
];
