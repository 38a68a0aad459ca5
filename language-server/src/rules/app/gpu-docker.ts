import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerizerOf } from '../../model/app/containerizer';

const text = 'GPU resources only work with the Mesos containerizer';

export const gpuDocker: Rule = {
  id: 'gpu-docker',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3' },
  summary: 'Apps that request GPUs must use the Mesos containerizer.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (typeof ref.app.gpus !== 'number' || ref.app.gpus <= 0 || containerizerOf(ref.app) !== 'DOCKER') continue;
      const typePointer = joinPointer(ref.pointer, 'container', 'type');
      ctx.report({
        pointer: joinPointer(ref.pointer, 'gpus'),
        ...(isObject(ref.app.container) && ref.app.container.type == null ? { missing: joinPointer(ref.pointer, 'container', 'type') } : {}),
        message:
          `Marathon rejects the app: "${text}". It asks for ${ref.app.gpus} GPU(s) but runs in the Docker containerizer ` +
          `(a \`container\` without \`type\` is DOCKER), which cannot expose GPUs. Set \`container.type\` to "MESOS"; ` +
          `the Mesos containerizer can still run the Docker image.`,
        fix: { title: 'Use the Mesos containerizer', edits: [{ op: isObject(ref.app.container) && 'type' in ref.app.container ? 'replace' : 'add', pointer: typePointer, value: 'MESOS' }] },
      });
    }
  },
};
