import { labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';
import { rexrayOptionRule } from '../rexrayOptionRule';
import { quoted } from '../../model/quoted';

/** The value in lower case if that is a label ("GP2"), else its letters and digits ("io_1" → io1), else gp2. */
function example(value: string): string {
  const lower = value.trim().toLowerCase();
  return labelRegex.test(lower) ? lower : lower.replace(/[^a-z0-9]/g, '') || 'gp2';
}

export const rexrayOptionVolumetype = rexrayOptionRule({
  id: 'rexray-option-volumetype',
  key: 'volumetype',
  summary: 'With the rexray driver, dvdi/volumetype is a label such as gp2 or io1.',
  marathonMessage: labelRegexMessage,
  problem: (value) =>
    labelRegex.test(value)
      ? undefined
      : `Marathon rejects external/options/"dvdi/volumetype" with "${labelRegexMessage}": Marathon checks REX-Ray volume types as lower-case labels, and ${quoted(value)} is not one. ` +
        `Write the type in lower case without spaces, e.g. ${quoted(example(value))}.`,
  fix: (value, pointer) => {
    const fixed = value.trim().toLowerCase();
    return labelRegex.test(fixed) ? { title: `Use ${fixed}`, edits: [{ op: 'replace', pointer, value: fixed }] } : undefined;
  },
});
