import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';
import { duplicateNames } from '../../model/pod/uniqueNames';
import { quoted } from '../../model/quoted';

export const podContainerNamesUnique: Rule = {
  id: 'pod-container-names-unique',
  severity: 'error',
  kinds: ['pod'],
  summary: 'The containers of a pod have distinct names.',
  marathonMessage: 'container names must be unique',
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const d of duplicateNames(podContainers(ctx.root))) {
      ctx.report({ pointer: d.pointer, message: `Marathon rejects the pod: "container names must be unique". ${quoted(d.name)} is used twice; task ids and health status are keyed by container name. Rename one.` });
    }
  },
};
