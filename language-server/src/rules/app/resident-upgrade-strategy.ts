import type { Rule } from '../rule';
import { isObject, joinPointer } from '../../core/documentModel';
import { hasPersistentVolumes } from './residency';
import { formatDouble } from './scalaDouble';

export const residentUpgradeStrategy: Rule = {
  id: 'resident-upgrade-strategy',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.3' },
  summary: 'An app with persistent volumes must have upgradeStrategy.maximumOverCapacity 0.',
  marathonMessage: 'got <v>, expected 0.0',
  fixable: true,
  check(ctx) {
    for (const ref of ctx.apps) {
      const us = ref.app.upgradeStrategy;
      if (!isObject(us) || !hasPersistentVolumes(ref.app)) continue; // omitted: the resident default {0.5, 0} is valid
      // Before 1.5 a missing field defaulted to 1.0; from 1.5 the schema rule reports it as required.
      const v = us.maximumOverCapacity ?? (ctx.atLeast('1.5') ? undefined : 1);
      if (typeof v !== 'number' || v === 0) continue;
      const pointer = joinPointer(ref.pointer, 'upgradeStrategy', 'maximumOverCapacity');
      ctx.report({
        pointer: 'maximumOverCapacity' in us ? pointer : joinPointer(ref.pointer, 'upgradeStrategy'),
        message:
          `Marathon rejects the app: "got ${formatDouble(v)}, expected 0.0" (path /upgradeStrategy/maximumOverCapacity). A persistent ` +
          'volume lives on one agent and is used by one task at a time, so a deployment cannot start a new task before the old one ' +
          'is gone. Set maximumOverCapacity to 0.',
        fix: { title: 'Set maximumOverCapacity to 0', edits: [{ op: 'maximumOverCapacity' in us ? 'replace' : 'add', pointer, value: 0 }] },
      });
    }
  },
};
