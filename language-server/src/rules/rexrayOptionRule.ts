/**
 * Marathon checks a few option values, and only when dvdi/driver is exactly "rexray"
 * (DVDIProvider.scala, OptionSupport.scala). This builds one such rule from its value check.
 */
import type { Fix } from '../core/types';
import type { Rule } from '../core/rule';
import { driverOf, dvdiVolumesOf, optionPointer, optionsOf } from '../model/volume/externalVolumes';

export interface RexrayOptionSpec {
  id: string;
  /** Option key without the dvdi/ prefix. */
  key: string;
  summary: string;
  marathonMessage: string;
  /** undefined when the value passes; otherwise the Marathon text, why, and what to do. */
  problem(value: string): string | undefined;
  fix?(value: string, pointer: string): Fix | undefined;
}

export function rexrayOptionRule(spec: RexrayOptionSpec): Rule {
  return {
    id: spec.id,
    severity: 'error',
    kinds: ['app', 'group'],
    summary: spec.summary,
    marathonMessage: spec.marathonMessage,
    fixable: spec.fix !== undefined,
    check(ctx) {
      for (const v of dvdiVolumesOf(ctx)) {
        if (driverOf(v) !== 'rexray') continue;
        const value = optionsOf(v)?.[`dvdi/${spec.key}`];
        if (typeof value !== 'string') continue;
        const message = spec.problem(value);
        if (message === undefined) continue;
        const pointer = optionPointer(v, `dvdi/${spec.key}`);
        ctx.report({ pointer, message, fix: spec.fix?.(value, pointer) });
      }
    },
  };
}
