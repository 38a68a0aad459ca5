import { hasFeature } from '../../core/profile';
import type { Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';

const marathonMessage = 'Feature external_volumes is not enabled. Enable with --enable_features external_volumes)';

export const featureExternalVolumes: Rule = {
  id: 'feature-external-volumes',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'External volumes need Marathon to run with --enable_features external_volumes.',
  marathonMessage,
  check(ctx) {
    if (hasFeature(ctx.profile, 'external_volumes')) return;
    for (const v of externalVolumesOf(ctx)) {
      ctx.report({
        pointer: v.pointer,
        message:
          `Marathon rejects the app with "${marathonMessage}": this cluster profile does not enable external volumes, so Marathon rejects every app that declares one. ` +
          'Enable the feature on Marathon (DC/OS enables it by default) and add "external_volumes" to "features" in marathon-lint.config.json, or use a persistent volume instead.',
      });
    }
  },
};
