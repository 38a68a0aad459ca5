import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { hasFeature } from '../../core/profile';

const text = 'Feature gpu_resources is not enabled. Enable with --enable_features gpu_resources)';

export const featureGpu: Rule = {
  id: 'feature-gpu',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3' },
  summary: 'Requesting GPUs needs Marathon started with `--enable_features gpu_resources`.',
  marathonMessage: text,
  check(ctx) {
    if (hasFeature(ctx.profile, 'gpu_resources')) return;
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      if (typeof ref.app.gpus !== 'number' || ref.app.gpus <= 0) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'gpus'),
        message:
          `Marathon rejects the app: "${text}" (sic). The cluster profile does not enable GPU support, so Marathon refuses ` +
          `any \`gpus\` > 0. Remove \`gpus\`, or if the cluster does run with gpu_resources, add it to \`features\` in marathon-lint.config.json.`,
      });
    }
  },
};
