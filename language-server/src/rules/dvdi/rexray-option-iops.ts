import { scalaToLong } from '../../model/scalaToInt';
import { rexrayOptionRule } from '../rexrayOptionRule';

export const rexrayOptionIops = rexrayOptionRule({
  id: 'rexray-option-iops',
  key: 'iops',
  summary: 'With the rexray driver, dvdi/iops is a positive whole number.',
  marathonMessage: 'Expected a valid, positive integer instead of <value>',
  problem: (value) =>
    // OptionSupport.validNaturalNumber: `Try(v.toLong)`, Long.parseLong, which reads the digits of every script.
    (scalaToLong(value) ?? 0n) > 0n
      ? undefined
      : `Marathon rejects external/options/"dvdi/iops" with "Expected a valid, positive integer instead of ${value}": provisioned IOPS are a positive whole number. ` +
        'Write digits only, e.g. "3000", or remove the option.',
});
