import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { whereIs } from '../../model/group/partWhere';
import { rootGroupPods } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const text = 'Applications and Pods may not share the same id';

/**
 * Group.validGroup's `noAppsAndPodsWithSameId` (state/Group.scala, 1.4 to 1.10; marathon-rules.md §4.1), run on the
 * new root group: an app and a pod with one id. Only a root-group run (src/rootGroup) has both: a pod document and an
 * app document linted together, or either placed into the deployed root group. The finding goes to each side a
 * linted document holds; a clash between two deployed services is the cluster's own.
 */
export const groupAppVsPodId: Rule = {
  id: 'group-app-vs-pod-id',
  severity: 'error',
  kinds: ['group'],
  versions: { min: '1.4' },
  summary: 'No app may have the same absolute id as a pod.',
  marathonMessage: text,
  check(ctx) {
    const sourceOf = ctx.sourceOf;
    if (!sourceOf) return;
    const pods = rootGroupPods(ctx);
    if (pods.length === 0) return;
    const apps = new Map<string, string>(); // absolute id → the app's pointer
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const a = ctx.apps[ai];
      if (a.absoluteId != null) apps.set(a.absoluteId, a.pointer);
    }
    for (const pod of pods) {
      const appPointer = apps.get(pod.id);
      if (appPointer === undefined) continue;
      const podSource = sourceOf(pod.pointer);
      const appSource = sourceOf(appPointer);
      const why = 'one id names one service: /v2/apps, /v2/pods and the deployment plan could not tell them apart';
      if (podSource !== 'cluster') {
        ctx.report({
          pointer: joinPointer(pod.pointer, 'id'),
          saysWhere: true,
          message: `Marathon rejects the pod: "${text}". The pod ${quoted(pod.id)} has the id of ${whereIs('app', appSource, podSource)}; ${why}. Rename the pod or the app.`,
        });
      }
      if (appSource !== 'cluster') {
        ctx.report({
          pointer: joinPointer(appPointer, 'id'),
          saysWhere: true,
          message: `Marathon rejects the app: "${text}". The app ${quoted(pod.id)} has the id of ${whereIs('pod', podSource, appSource)}; ${why}. Rename the app or the pod.`,
        });
      }
    }
  },
};
