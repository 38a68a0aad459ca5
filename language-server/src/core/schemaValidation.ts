/**
 * Step 3 of the pipeline: the JSON-layer check (types, required fields, enums, ranges, patterns), reported as
 * findings of the single `schema` rule, one per mistake. The precompiled ajv validator says whether the
 * document conforms; only when it does not does schemaExplain.ts walk the schema to say why, union branches
 * chosen the way the document meant them.
 */
import { documentSchemas } from '@marathon-devtools/schema';
import { documentValidators } from '@marathon-devtools/schema/validators';
import { schemaRule } from './engineRules';
import type { Finding } from './finding';
import { compareVersions, effectiveSeverity, type Profile } from './profile';
import { SchemaExplainer, type SchemaIssue } from './schemaExplain';
import { schemaMessage } from './schemaMessages';
import type { DocumentKind, Severity } from './types';
import { readerOf } from './kind';
import { escapeControls } from './escapeControls';

/** A precompiled standalone ajv validator, built in `schema/` (`npm run build`): no ajv compile at startup. */
interface Validator {
  (data: unknown): boolean;
  errors?: SchemaIssue[] | null;
}

const explainers = new Map<Exclude<DocumentKind, 'unknown'>, SchemaExplainer>();

/** Why the document fails; ajv's first error stands in should the explainer ever disagree with ajv. */
function issuesOf(root: unknown, kind: Exclude<DocumentKind, 'unknown'>, ajvErrors: readonly SchemaIssue[] | null | undefined): SchemaIssue[] {
  let explainer = explainers.get(kind);
  if (!explainer) explainers.set(kind, (explainer = new SchemaExplainer(documentSchemas[kind] as Record<string, unknown>)));
  // Walk only where ajv found something; should that ever miss (it should not), walk the whole document.
  let issues = ajvErrors?.length ? explainer.explain(root, ajvErrors.map((e) => e.instancePath)) : [];
  if (issues.length === 0) issues = explainer.explain(root);
  return issues.length > 0 || !ajvErrors?.length ? issues : [ajvErrors[0]];
}

export function validateSchema(root: unknown, kind: DocumentKind, profile: Profile): Finding[] {
  // A batch of apps is validated element by element, each as an app (appBatch.ts), never whole.
  const validator = kind === 'unknown' || kind === 'apps' ? undefined : (documentValidators[kind] as Validator | undefined);
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
      message: `The document could not be checked against the schema (${(e as Error)?.message ?? e}); it is probably nested far deeper than any ${readerOf(kind)} definition. Flatten it.`,
    }];
  }
  if (ok) return [];
  // Before 1.5 Marathon read an app's enums case-sensitively (marathon-rules.md §1.1); the schema accepts any case
  // (1.5+) and leaves the wrong case to rule enum-case, whose kinds these are.
  const exactEnums = (kind === 'app' || kind === 'group') && compareVersions(profile.marathonVersion, '1.5') < 0;
  return issuesOf(root, kind as Exclude<DocumentKind, 'unknown'>, validator.errors).map((issue) => {
    const m = schemaMessage(issue, root, kind, exactEnums);
    const severity: Severity = configured ?? m.severity ?? schemaRule.severity;
    // Keys and values from the document, shown as runRules shows a rule's (escapeControls.ts).
    const f: Finding = { ruleId: schemaRule.id, severity, message: escapeControls(m.message), pointer: m.pointer };
    if (m.target) f.target = m.target;
    if (m.fix) f.fix = { ...m.fix, title: escapeControls(m.fix.title) };
    if (issue.keyword === 'required') f.missing = String(issue.params.missingProperty);
    else if (issue.keyword === 'oneOfRequired') f.missing = issue.params.missing as string[];
    return f;
  });
}
