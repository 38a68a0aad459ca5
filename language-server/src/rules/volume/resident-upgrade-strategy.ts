import type { Rule } from '../../core/rule';
import { residencyOnlyNote, residentBy } from '../../model/volume/appVolumes';
import { zeroOverCapacityReports } from '../../model/volume/zeroOverCapacity';

export const residentUpgradeStrategy: Rule = {
  id: 'resident-upgrade-strategy',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An app with persistent volumes (or one declaring `residency`) upgrades with maximumOverCapacity 0 (and, in Marathon 1.1, minimumHealthCapacity at most 0.5).',
  marathonMessage: 'got 0.5, expected 0.0',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      const resident = residentBy(appRef);
      if (resident === undefined) continue;
      const why =
        resident === 'volumes'
          ? 'a persistent volume lives on one agent and belongs to one task, and a replacement task reuses it'
          : `${residencyOnlyNote} if the app needs no volume; a resident task's volume lives on one agent and belongs to one task`;
      zeroOverCapacityReports(ctx, appRef, why).forEach((r) => ctx.report(r));
    }
  },
};
