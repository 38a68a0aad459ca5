/**
 * Step 3 of the pipeline: the JSON-layer check (types, required fields, enums, ranges, patterns), reported as
 * findings of the single `schema` rule, one per problem (ajv's union noise collapsed, see schemaCollapse.ts).
 */
import { documentValidators } from '@marathon-devtools/schema/validators';
import { schemaRule } from './engineRules';
import type { Finding } from './finding';
import { effectiveSeverity, type Profile } from './profile';
import { collapseErrors, type AjvError } from './schemaCollapse';
import { schemaMessage } from './schemaMessages';
import type { DocumentKind, Severity } from './types';

/** A precompiled standalone ajv validator, built in `schema/` (`npm run build`): no ajv compile at startup. */
interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export function validateSchema(root: unknown, kind: DocumentKind, profile: Profile): Finding[] {
  const validator = kind === 'unknown' ? undefined : (documentValidators[kind] as Validator | undefined);
  if (!validator) return [];
  const configured = profile.rules[schemaRule.id];
  if (configured === 'off') return [];
  let ok: boolean;
  try {
    ok = validator(root);
  } catch (e) {
    // A validator recurses with the value: a pathologically deep document can exhaust the stack.
    return [{
      ruleId: schemaRule.id,
      severity: effectiveSeverity(profile, schemaRule.id, 'error') as Severity,
      pointer: '',
      message: `The document could not be checked against the schema (${(e as Error)?.message ?? e}); it is probably nested far deeper than any Marathon definition. Flatten it.`,
    }];
  }
  if (ok || !validator.errors) return [];
  return collapseErrors(validator.errors).map((issue) => {
    const m = schemaMessage(issue, root, kind);
    const severity: Severity = configured ?? m.severity ?? schemaRule.severity;
    const f: Finding = { ruleId: schemaRule.id, severity, message: m.message, pointer: m.pointer };
    if (m.target) f.target = m.target;
    if (m.fix) f.fix = m.fix;
    return f;
  });
}
