/** Whether a driver option value has the form its `OptionValueKind` says (drivers/driverInfo.ts). */
import type { OptionValueKind } from '@marathon-devtools/schema/drivers/index';

const label = /^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$/;

/** What is wrong with `value` for an option of this kind, or undefined when it fits. */
export function optionValueProblem(kind: OptionValueKind, value: string): string | undefined {
  switch (kind) {
    case 'label':
      return label.test(value) ? undefined : 'is not a lower-case name (letters, digits and inner "-")';
    case 'positive-integer':
      return /^[0-9]+$/.test(value) && Number(value) > 0 ? undefined : 'is not a positive whole number';
    case 'gib':
      // Sizes in GiB, optionally with the unit the drivers also read ("10", "10G", "10GiB").
      return /^[0-9]+(?:[GgTt](?:i?[Bb])?)?$/.test(value) && Number.parseInt(value, 10) > 0 ? undefined : 'is not a size such as 10 or 10G';
    case 'boolean':
      return /^(true|false)$/i.test(value) ? undefined : 'is not true or false';
    default:
      return value === '' ? 'is empty' : undefined;
  }
}
