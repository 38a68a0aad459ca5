import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { hasPersistentVolumes } from '../../model/volume/appVolumes';
import { hasPersistentPodVolume, podsOf } from '../../model/pod/podParts';
import { declaredTopLevelGroups, defaultsToGroupRole } from '../../model/app/appRole';
import { givenRole } from '../../model/app/givenRole';

const marathonMessage = 'Resident apps cannot have the role *';
/** Marathon's message for pods (PodsValidation), beside the apps' one. */
const text = 'Resident pods cannot have the role *';

export const residentRoleNotStar: Rule = {
  id: 'resident-role-not-star',
  severity: 'error',
  kinds: ['app', 'group', 'pod'],
  versions: { min: '1.9' },
  summary: 'An app or pod with persistent volumes does not run under role "*" (explicitly, or by default when Marathon runs with --mesos_role "*").',
  marathonMessage: `${marathonMessage} / ${text}`,
  check(ctx) {
    const declared = declaredTopLevelGroups(ctx);
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      if (!hasPersistentVolumes(appRef)) continue;
      const role = appRef.app.role;
      if (role !== undefined && role !== '*') continue;
      // With the deployed root group, the role Marathon gives it where that is known (an app file keeps its deployed role).
      const given = role === undefined ? givenRole(ctx, appRef) : undefined;
      if (given !== undefined && given.basis !== 'document') {
        if (given.role !== '*') continue;
      } else if (role === undefined) {
        // An app in the root group gets --mesos_role; a nested one may get its top-level group's name.
        const segments = (appRef.absoluteId ?? appRef.groupId).split('/').filter(Boolean);
        const nested = appRef.absoluteId !== undefined ? segments.length > 1 : segments.length > 0;
        if (ctx.profile.mesosRole !== '*' || (nested && defaultsToGroupRole(ctx, declared, '/' + segments[0]))) continue;
      }
      ctx.report({
        // Marathon reports this at /role (AppDefinition.validWithRoleEnforcement), given or not.
        pointer: joinPointer(appRef.pointer, 'role'),
        message:
          `Marathon rejects the app with "${marathonMessage}": persistent volumes are created on reserved resources, and Mesos cannot reserve for "*"` +
          (given?.basis === 'kept'
            ? ` (this app keeps the role "*" it is deployed with: PUT /v2/apps/{id} keeps it when the file has no "role")`
            : role === undefined
              ? ` (this app gets ${given?.basis === 'cluster' ? `role "*", ${given.why}` : '--mesos_role, which is "*" in this profile'})`
              : '') +
          '. Set "role" to a real role, e.g. the name of the top-level group or the role Marathon runs with, or set mesosRole in marathon-lint.config.json if your Marathon uses one.',
      });
    }
    // Pods (PodsValidation.validPodDefinitionWithRoleEnforcement, 1.9+): the role PodNormalization gave the pod,
    // its own or RoleSettings.forService's default, as for apps.
    const pods = podsOf(ctx);
    for (let pi = 0; pi < pods.length; pi++) {
      const { pointer, value: pod, id } = pods[pi];
      const role = pod.role;
      if (role !== undefined && role !== '*') continue;
      if (!hasPersistentPodVolume(pod)) continue;
      if (role === undefined) {
        if (id === undefined) continue;
        const segments = id.split('/').filter(Boolean);
        // A pod in the root group gets --mesos_role; a nested one its top-level group's name if that group enforces roles.
        if (segments.length > 1 && defaultsToGroupRole(ctx, declared, '/' + segments[0])) continue;
        if (ctx.profile.mesosRole !== '*') continue;
      }
      ctx.report({
        pointer: joinPointer(pointer, 'role'),
        message:
          `Marathon rejects the pod with "${text}": persistent volumes are created on reserved resources, and Mesos cannot reserve for "*"` +
          (role === undefined ? ` (this pod gets --mesos_role, which is "*" in this profile)` : '') +
          '. Set "role" to a real role, e.g. the name of the top-level group or the role Marathon runs with, or set mesosRole in marathon-lint.config.json if your Marathon uses one.',
      });
    }
  },
};
