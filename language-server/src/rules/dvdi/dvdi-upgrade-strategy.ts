import type { Rule } from '../../core/rule';
import { zeroOverCapacityReports } from '../../model/volume/zeroOverCapacity';
import { dvdiAppsOf } from '../../model/dvdi/dvdiApps';

export const dvdiUpgradeStrategy: Rule = {
  id: 'dvdi-upgrade-strategy',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app with dvdi volumes upgrades with maximumOverCapacity 0 (and, in Marathon 1.1, minimumHealthCapacity at most 0.5).',
  marathonMessage: 'got 1.0, expected 0.0',
  fixable: true,
  check(ctx) {
    for (const { appRef } of dvdiAppsOf(ctx)) {
      const why = 'an external volume can be attached to only one task at a time';
      zeroOverCapacityReports(ctx, appRef, why).forEach((r) => ctx.report(r));
    }
  },
};
