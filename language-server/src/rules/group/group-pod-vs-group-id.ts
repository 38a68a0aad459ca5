import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';
import { whereIs } from '../../model/group/partWhere';
import { rootGroupPods } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Groups and Pods may not have the same identifier.';
const why = 'so /v2/pods and /v2/groups could not tell them apart';

/**
 * Group.validGroup's `noPodsAndGroupsWithSameName` (state/Group.scala, 1.4 to 1.10), run on the new root group: a pod
 * and a sibling group with one id. Only a root-group run (src/rootGroup) has pods: pod documents and the deployed ones.
 * A pod posted where an empty group has its id replaces that group (RootGroup.updatePod, src/rootGroup/placement.ts),
 * so only a group that holds an app or a pod is left to clash. The finding goes to the side a linted document holds.
 */
export const groupPodVsGroupId: Rule = {
  id: 'group-pod-vs-group-id',
  severity: 'error',
  kinds: ['group'],
  versions: { min: '1.4' },
  summary: 'No pod may have the same absolute id as a group.',
  marathonMessage: text,
  check(ctx) {
    const sourceOf = ctx.sourceOf;
    if (!sourceOf) return;
    const pods = rootGroupPods(ctx);
    if (pods.length === 0) return;
    const groups = new Map<string, string>(); // absolute id → the group's pointer
    for (const g of groupsOf(ctx)) if (g.parentId != null) groups.set(g.absoluteId, g.pointer);
    for (const pod of pods) {
      const groupPointer = groups.get(pod.id);
      if (groupPointer === undefined) continue;
      const podSource = sourceOf(pod.pointer);
      const groupSource = sourceOf(groupPointer);
      if (podSource !== 'cluster') {
        ctx.report({
          pointer: joinPointer(pod.pointer, 'id'),
          saysWhere: true,
          message: `Marathon rejects the pod: "${text}" The pod ${quoted(pod.id)} has the id of ${whereIs('group', groupSource, podSource)}, ${why}. Rename the pod or the group.`,
        });
      } else if (groupSource !== 'cluster' && !groupSource.implied) {
        ctx.report({
          pointer: joinPointer(groupPointer, 'id'),
          saysWhere: true,
          message: `Marathon rejects the group: "${text}" The group ${quoted(pod.id)} has the id of ${whereIs('pod', podSource, groupSource)}, ${why}. Rename the group, or remove the pod first.`,
        });
      }
    }
  },
};
