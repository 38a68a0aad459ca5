/**
 * The upgrade-strategy constraint that Marathon puts on apps that hold a volume only one task may use
 * (persistent volumes: `resident-upgrade-strategy`; dvdi volumes: `dvdi-upgrade-strategy`):
 * `maximumOverCapacity == 0`, and in 1.1 also `minimumHealthCapacity <= 0.5`.
 */
import { isObject, joinPointer, type AppRef } from '../documentModel';
import type { Report, RuleContext } from '../../core/rule';
import { scalaDouble } from '../scalaNumber';

/**
 * @param why the clause that explains the constraint for this kind of volume.
 * Omitted `upgradeStrategy` is fine: Marathon then defaults to `{0.5, 0}` for these apps.
 */
const none: readonly Report[] = [];

export function zeroOverCapacityReports(ctx: RuleContext, appRef: AppRef, why: string): readonly Report[] {
  const us = appRef.app.upgradeStrategy;
  if (!isObject(us)) return none;
  // Before 1.5 a missing field defaulted to 1.0 (Formats.scala); from 1.5 on it is a JSON error of its own.
  const legacyDefault = !ctx.atLeast('1.5') ? 1 : undefined;
  const max = typeof us.maximumOverCapacity === 'number' ? us.maximumOverCapacity : us.maximumOverCapacity === undefined ? legacyDefault : undefined;
  const maxOk = max === undefined || max === 0;
  // The usual compliant app on 1.3+: nothing to report, so no pointers or messages to build.
  if (maxOk && ctx.atLeast('1.3')) return none;
  const out: Report[] = [];
  const usPointer = joinPointer(appRef.pointer, 'upgradeStrategy');
  const maxPointer = joinPointer(usPointer, 'maximumOverCapacity');
  if (max !== undefined && max !== 0) {
    const given = us.maximumOverCapacity !== undefined;
    out.push({
      pointer: given ? maxPointer : usPointer,
      ...(given ? {} : { missing: 'maximumOverCapacity' }),
      target: given ? 'value' : 'key',
      message:
        `Marathon rejects upgradeStrategy.maximumOverCapacity with "got ${scalaDouble(max)}, expected 0.0"${given ? '' : ' (it defaults to 1.0 before Marathon 1.5)'}: ` +
        `${why}, so Marathon may not start a new task before an old one is gone. Set maximumOverCapacity to 0.`,
      fix: { title: 'Set maximumOverCapacity to 0', edits: [{ op: given ? 'replace' : 'add', pointer: maxPointer, value: 0 }] },
    });
  }
  if (!ctx.atLeast('1.3')) {
    const minPointer = joinPointer(usPointer, 'minimumHealthCapacity');
    const min = typeof us.minimumHealthCapacity === 'number' ? us.minimumHealthCapacity : us.minimumHealthCapacity === undefined ? 1 : undefined;
    if (min !== undefined && min > 0.5) {
      const given = us.minimumHealthCapacity !== undefined;
      out.push({
        pointer: given ? minPointer : usPointer,
        ...(given ? {} : { missing: 'minimumHealthCapacity' }),
        target: given ? 'value' : 'key',
        message:
          `Marathon rejects upgradeStrategy.minimumHealthCapacity with "got ${scalaDouble(min)}, expected 0.5 or less"${given ? '' : ' (it defaults to 1.0)'}: ` +
          `Marathon 1.1 requires at most half of the instances to stay up during an upgrade of such an app (relaxed in 1.3). ` +
          'Set minimumHealthCapacity to 0.5 or less.',
        fix: { title: 'Set minimumHealthCapacity to 0.5', edits: [{ op: given ? 'replace' : 'add', pointer: minPointer, value: 0.5 }] },
      });
    }
  }
  return out;
}
