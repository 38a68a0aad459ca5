import { rexrayOptionRule } from '../rexrayOptionRule';

/** Scala's `toLong`: Java Long.parseLong, optional sign, decimal digits, 64-bit range. */
function parsesAsLong(s: string): boolean {
  if (!/^[+-]?\d+$/.test(s)) return false;
  const n = BigInt(s);
  return n >= -(2n ** 63n) && n < 2n ** 63n;
}

export const rexrayOptionIops = rexrayOptionRule({
  id: 'rexray-option-iops',
  key: 'iops',
  summary: 'With the rexray driver, dvdi/iops is a positive whole number.',
  marathonMessage: 'Expected a valid, positive integer instead of <value>',
  problem: (value) =>
    parsesAsLong(value) && BigInt(value) > 0n
      ? undefined
      : `Marathon rejects external/options/"dvdi/iops" with "Expected a valid, positive integer instead of ${value}": provisioned IOPS are a positive whole number. ` +
        'Write digits only, e.g. "3000", or remove the option.',
});
