import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';

export const podContainerResourcesRequired: Rule = {
  id: 'pod-container-resources-required',
  severity: 'error',
  kinds: ['pod'],
  layer: 'json',
  summary: 'Every pod container has a `resources` object (cpus and mem have defaults, the object itself does not).',
  marathonMessage: "'resources' is undefined on object: {...}",
  fixable: true,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const c of podContainers(ctx.root)) {
      if (c.value.resources != null) continue;
      ctx.report({
        pointer: c.pointer,
        missing: 'resources',
        message:
          `Marathon rejects the pod, saying "resources" is undefined (path ${c.pointer}/resources). Unlike apps, pod containers ` +
          'have no default resources object. Add "resources": {"cpus": 0.1, "mem": 128} sized for the container.',
        fix: { title: 'Add resources {cpus: 0.1, mem: 128}', edits: [{ op: 'add', pointer: joinPointer(c.pointer, 'resources'), value: { cpus: 0.1, mem: 128 } }] },
      });
    }
  },
};
