import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { scalaDouble } from '../../model/scalaNumber';

/**
 * `MARATHON_SINGLE_INSTANCE_APP: "true"` promises that at most one task ever runs, even during a
 * deployment, so the upgrade strategy must be {0, 0}. When `upgradeStrategy` is omitted, Marathon's default
 * ({1, 1}, or {0.5, 0} with volumes) still breaks that promise.
 */
export const singleInstanceLabel: Rule = {
  id: 'single-instance-label',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'An app labelled MARATHON_SINGLE_INSTANCE_APP=true has at most one instance and upgradeStrategy {0, 0}.',
  marathonMessage: 'Single instance app may only have one instance',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const labels = ref.app.labels;
      if (!isObject(labels) || typeof labels.MARATHON_SINGLE_INSTANCE_APP !== 'string' || labels.MARATHON_SINGLE_INSTANCE_APP.toLowerCase() !== 'true') continue;
      if (typeof ref.app.instances === 'number' && ref.app.instances > 1) {
        ctx.report({
          pointer: joinPointer(ref.pointer, 'instances'),
          message:
            `Marathon rejects the app: "Single instance app may only have one instance". It is labelled ` +
            `MARATHON_SINGLE_INSTANCE_APP=true but asks for ${ref.app.instances} instances. Set \`instances\` to 0 or 1, or remove the label.`,
        });
      }
      const us = ref.app.upgradeStrategy;
      const strategyPointer = joinPointer(ref.pointer, 'upgradeStrategy');
      const fix = { title: 'Set upgradeStrategy to {0, 0}', edits: [{ op: isObject(us) ? 'replace' as const : 'add' as const, pointer: strategyPointer, value: { minimumHealthCapacity: 0, maximumOverCapacity: 0 } }] };
      if (!isObject(us)) {
        if (us != null) continue; // not an object: the schema rule reports the type
        ctx.report({
          pointer: joinPointer(ref.pointer, 'labels', 'MARATHON_SINGLE_INSTANCE_APP'),
          message:
            'Marathon rejects the app: "got 1.0, expected 0.0" (path /upgradeStrategy/minimumHealthCapacity). A single-instance app ' +
            "needs upgradeStrategy {minimumHealthCapacity: 0, maximumOverCapacity: 0}, and without `upgradeStrategy` Marathon's " +
            'default lets a second task start during a deployment. Add that upgradeStrategy.',
          fix,
        });
        continue;
      }
      for (const field of ['minimumHealthCapacity', 'maximumOverCapacity'] as const) {
        const v = us[field];
        if (typeof v !== 'number' || v === 0) continue;
        ctx.report({
          pointer: joinPointer(strategyPointer, field),
          message:
            `Marathon rejects the app: "got ${scalaDouble(v)}, expected 0.0". A single-instance app must never run an old and a new ` +
            `task side by side, so both upgradeStrategy capacities must be 0. Set \`${field}\` to 0.`,
          fix,
        });
      }
    }
  },
};

