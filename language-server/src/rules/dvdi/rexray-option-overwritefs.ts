import { rexrayOptionRule } from '../rexrayOptionRule';
import { quoted } from '../../model/quoted';

export const rexrayOptionOverwritefs = rexrayOptionRule({
  id: 'rexray-option-overwritefs',
  key: 'overwritefs',
  summary: 'With the rexray driver, dvdi/overwritefs may only be "true": Marathon rejects "false" (a bug since 1.1).',
  marathonMessage: 'Expected a valid boolean',
  problem: (value) => {
    // Marathon parses with Try(s.toBoolean).getOrElse(false) and then requires the result to be true.
    if (value.toLowerCase() === 'true') return undefined;
    const isFalse = value.toLowerCase() === 'false';
    return (
      `Marathon rejects external/options/"dvdi/overwritefs" with "Expected a valid boolean": ` +
      (isFalse
        ? 'Marathon reads the value in a way that only lets "true" through, so "false" is rejected (a Marathon bug present since 1.1). Not overwriting is the default: remove the option.'
        : `${quoted(value)} is not a boolean, and Marathon only accepts "true" here. Remove the option (the default does not reformat).`)
    );
  },
  fix: (_value, pointer) => ({ title: 'Remove dvdi/overwritefs', edits: [{ op: 'remove', pointer }] }),
});
