import type { Rule } from '../../core/rule';
import { hasPersistentVolumes } from '../../model/volume/appVolumes';
import { zeroOverCapacityReports } from '../../model/volume/zeroOverCapacity';

export const residentUpgradeStrategy: Rule = {
  id: 'resident-upgrade-strategy',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app with persistent volumes upgrades with maximumOverCapacity 0 (and, in Marathon 1.1, minimumHealthCapacity at most 0.5).',
  marathonMessage: 'got 0.5, expected 0.0',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      if (!hasPersistentVolumes(appRef)) continue;
      const why = 'a persistent volume lives on one agent and belongs to one task, and a replacement task reuses it';
      zeroOverCapacityReports(ctx, appRef, why).forEach((r) => ctx.report(r));
    }
  },
};
