import { scalaToLong } from '../../model/scalaToInt';
import { quoted } from '../../model/quoted';
import { rexrayOptionRule } from '../rexrayOptionRule';

/**
 * How REX-Ray reads the option on the agent: Go's strconv (libStorage's store.GetInt64Ptr → ParseInt in 0.11,
 * strconv.Atoi in 0.3's createInitInt64): an optional sign and ASCII digits only. What it cannot read it drops
 * (nil in 0.11, 0 in 0.3) and creates the volume without the provisioned IOPS (dvdi-bridge.md §5.2).
 */
const goInt = /^[+-]?[0-9]+$/;

export const rexrayOptionIops = rexrayOptionRule({
  id: 'rexray-option-iops',
  key: 'iops',
  summary: 'With the rexray driver, dvdi/iops is a positive whole number.',
  marathonMessage: 'Expected a valid, positive integer instead of <value>',
  problem: (value) => {
    // OptionSupport.validNaturalNumber: `Try(v.toLong)`, Long.parseLong, which reads the digits of every script.
    const n = scalaToLong(value);
    if (n === undefined || n <= 0n) {
      return (
        `Marathon rejects external/options/"dvdi/iops" with "Expected a valid, positive integer instead of ${value}": provisioned IOPS are a positive whole number. ` +
        'Write digits only, e.g. "3000", or remove the option.'
      );
    }
    if (goInt.test(value)) return undefined;
    return (
      `Marathon accepts external/options/"dvdi/iops" ${quoted(value)} (Long.parseLong reads the digits of every script), but REX-Ray on the agent ` +
      `reads it with Go's strconv, which knows only ASCII digits, drops it and creates the volume without the provisioned IOPS. Write ${quoted(String(n))}.`
    );
  },
});
