import { labelRegex, labelRegexMessage } from '../../model/volume/labelPatterns';
import { rexrayOptionRule } from '../rexrayOptionRule';
import { quoted } from '../../model/quoted';

export const rexrayOptionNewfstype = rexrayOptionRule({
  id: 'rexray-option-newfstype',
  key: 'newfstype',
  summary: 'With the rexray driver, dvdi/newfstype is a label such as xfs or ext4.',
  marathonMessage: labelRegexMessage,
  problem: (value) =>
    labelRegex.test(value)
      ? undefined
      : `Marathon rejects external/options/"dvdi/newfstype" with "${labelRegexMessage}": Marathon checks the file system type as a lower-case label, and ${quoted(value)} is not one. ` +
        'Write a file system name such as "ext4" or "xfs", or remove the option to keep the driver default.',
  fix: (value, pointer) => {
    const fixed = value.trim().toLowerCase();
    return labelRegex.test(fixed)
      ? { title: `Use ${fixed}`, edits: [{ op: 'replace', pointer, value: fixed }] }
      : { title: 'Remove dvdi/newfstype', edits: [{ op: 'remove', pointer }] };
  },
});
