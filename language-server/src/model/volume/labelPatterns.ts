/**
 * Marathon's `OptionLabelPatterns` (state/Volume.scala): the label grammar shared by external volume
 * providers, names (before 1.8.230/1.9.100), driver names and some REX-Ray option values, and the
 * `<label>/<name>` grammar of option keys. Kept as source strings too, because Marathon quotes them.
 */
const labelPattern = '^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?$';
const optionKeyPattern = '^[a-z0-9](?:[-a-z0-9]*[a-z0-9])?/[A-Za-z0-9](?:[-A-Za-z0-9\\._:]*[A-Za-z0-9])?$';

export const labelRegex = new RegExp(labelPattern);
export const optionKeyRegex = new RegExp(optionKeyPattern);

/** Marathon's wording for a failed `matchRegex` on a label. */
export const labelRegexMessage = `must match regular expression '${labelPattern}'`;
export const optionKeyRegexMessage = `must match regular expression '${optionKeyPattern}'`;

/**
 * The label a value was most likely meant to be: lower case, every run of other characters one "-", no "-" at
 * either end ("Rex_Ray" → "rex-ray", "REXRAY " → "rexray"); undefined when nothing of it is left.
 */
export function asLabel(value: string): string | undefined {
  const label = value.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
  return labelRegex.test(label) ? label : undefined;
}
