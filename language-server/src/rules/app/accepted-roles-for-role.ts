import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { givenRole } from '../../model/app/givenRole';
import { declaredTopLevelGroups, podRoleCandidates } from '../../model/app/appRole';
import { acceptedRolesFor, type AcceptedRolesVerdict } from '../../model/app/acceptedRolesForRole';
import { hasPersistentPodVolume, podsOf } from '../../model/pod/podParts';
import { residentBy } from '../../model/volume/appVolumes';
import { quoted } from '../../model/quoted';

type Refused = Exclude<AcceptedRolesVerdict, { kind: 'fine' }>;
const refused = (v: AcceptedRolesVerdict): v is Refused => v.kind !== 'fine';

export const acceptedRolesForRole: Rule = {
  id: 'accepted-roles-for-role',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.10' },
  summary: '`acceptedResourceRoles` (a pod\'s `scheduling.placement.acceptedResourceRoles`) may only contain "*" and the role the app or pod runs under.',
  marathonMessage: 'acceptedResourceRoles can only contain * and <role>',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const accepted = ref.app.acceptedResourceRoles;
      // A resident app may only accept ["*"]: resident-accepted-roles says so, from the canonical validation that
      // stops Marathon before this model check (marathon-rules.md §4.3), so one mistake gets one finding.
      if (!Array.isArray(accepted) || residentBy(ref) !== undefined) continue;
      const given = givenRole(ctx, ref);
      // Not known (e.g. the top-level group left to a --new_group_enforce_role the profile does not know): not judged.
      if (given === undefined) continue;
      const role = given.role;
      // From 1.10 (this rule's versions) Marathon refuses what 1.9 dropped (model/app/acceptedRolesForRole.ts).
      const verdict = acceptedRolesFor(role, accepted, ctx.atLeast);
      if (verdict.kind === 'fine') continue;
      const foreign = verdict.dropped;
      const allowed = verdict.allowed.join(' and ');
      ctx.report({
        pointer: joinPointer(ref.pointer, 'acceptedResourceRoles'),
        message:
          `Marathon rejects the app: "acceptedResourceRoles can only contain ${allowed}". ${foreign.map(quoted).join(', ')} ` +
          `is not the app's role (${quoted(role)}, ${given.why}), and Mesos ` +
          `only offers an app resources of its own role or "*". (1.9 silently dropped such entries; 1.10 rejects them.) Remove them, or set \`role\`.`,
      });
    }
    // Pods: PodsValidation.validPodDefinitionWithRoleEnforcement checks the PodDefinition's roles, read from
    // scheduling.placement, with the same ResourceRole.validForRole (POST/PUT /v2/pods and root-group validation);
    // PodNormalization sanitises them only under --deprecated_features sanitize_accepted_resource_roles.
    const pods = podsOf(ctx);
    if (pods.length === 0) return;
    const declared = declaredTopLevelGroups(ctx);
    for (let pi = 0; pi < pods.length; pi++) {
      const { pointer, value: pod, id } = pods[pi];
      const placement = isObject(pod.scheduling) && isObject(pod.scheduling.placement) ? pod.scheduling.placement : undefined;
      const accepted = placement?.acceptedResourceRoles;
      // A resident pod: pod-resident-accepted-roles speaks, from PodsValidation.podValidator, which runs first.
      if (!Array.isArray(accepted) || hasPersistentPodVolume(pod)) continue;
      const roles = podRoleCandidates(ctx, declared, pod, id);
      // The same verdict as for apps, under each role the pod may get; what every one of them refuses is reported.
      const verdicts = roles.map((role) => acceptedRolesFor(role, accepted, ctx.atLeast));
      if (verdicts.length === 0 || !verdicts.every(refused)) continue;
      const foreign = verdicts.map((v) => v.dropped).reduce((a, b) => a.filter((r) => b.includes(r)));
      if (foreign.length === 0) continue;
      const allowed = (v: Refused) => `"acceptedResourceRoles can only contain ${v.allowed.join(' and ')}"`;
      const said =
        verdicts.length === 1
          ? allowed(verdicts[0])
          : `${allowed(verdicts[0])} (or ${allowed(verdicts[1])} if the top-level group /${roles[0]} does not enforce its role)`;
      const from = typeof pod.role === 'string' ? '`role`' : roles.length === 1 && roles[0] !== ctx.profile.mesosRole ? 'its top-level group' : '--mesos_role';
      ctx.report({
        pointer: joinPointer(pointer, 'scheduling', 'placement', 'acceptedResourceRoles'),
        message:
          `Marathon rejects the pod: ${said}. ${foreign.map(quoted).join(', ')} is not the pod's role ` +
          `(${roles.map(quoted).join(' or ')}, from ${roles.length === 1 ? from : 'its top-level group or --mesos_role'}), and Mesos only offers a pod resources ` +
          'of its own role or "*". Remove them, or set `role`.',
      });
    }
  },
};
