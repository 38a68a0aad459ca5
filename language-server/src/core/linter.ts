/**
 * The Marathon lint engine: pure functions from text to diagnostics. No I/O, and no input makes it throw.
 * Pipeline: parse (parse.ts) → kind (kind.ts) → schema (schemaValidation.ts) → semantic rules (runRules.ts)
 * → positions for the findings only (positions.ts) → config severities, docs links, sorting (diagnostics.ts).
 * The semantic rules are plugged in by the composition root (src/index.ts): core knows the `Rule` contract only.
 */
import { diagnosticsFor } from './diagnostics';
import { engineRules } from './engineRules';
import { readConfig } from './config';
import type { Finding } from './finding';
import { detectKind, unknownKindMessage } from './kind';
import { deferBehindJsonLayer, jsonLayerRuleIds } from './jsonLayer';
import { asMarathonReadsIt } from './nullAbsent';
import { parseDocument } from './parse';
import { defaultProfile, effectiveSeverity, type Profile } from './profile';
import { ruleDocsUrl, type Rule, type RuleMeta } from './rule';
import { runRules } from './runRules';
import { oneFindingPerMistake } from './overlap';
import { validateSchema } from './schemaValidation';
import type { Diagnostic, DocumentKind, LintResult, Severity } from './types';

export interface LintOptions {
  /** Skip shape detection and lint the document as this kind (e.g. a CLI `--kind pod`). */
  kind?: DocumentKind;
  /** The cluster profile (from `parseConfig`); `defaultProfile` when absent. */
  profile?: Profile;
  /** Where the text came from; not read, only passed through for adapters' logging. */
  uri?: string;
}

function lintWith(rules: readonly Rule[], jsonLayerIds: ReadonlySet<string>, text: string, options: LintOptions): LintResult {
  const profile = options.profile ?? defaultProfile;
  let kind: DocumentKind = options.kind ?? 'unknown';
  try {
    const source = typeof text === 'string' ? text : String(text);
    const doc = parseDocument(source);
    if (!options.kind) kind = detectKind(doc.value);
    const findings: Finding[] = [...doc.findings];
    if (doc.strict) {
      if (kind === 'unknown') {
        findings.push({ ruleId: 'unknown-kind', severity: 'info', pointer: '', message: unknownKindMessage(doc.value) });
      } else {
        const ruleFindings = runRules(asMarathonReadsIt(doc.value, kind, source), kind, profile, rules);
        const schemaFindings = validateSchema(doc.value, kind, profile);
        findings.push(...oneFindingPerMistake(doc.value, schemaFindings, ruleFindings, deferBehindJsonLayer(jsonLayerIds, kind, schemaFindings, ruleFindings)));
      }
    }
    return { kind, diagnostics: diagnosticsFor(doc, withConfiguredSeverity(findings, profile)) };
  } catch (e) {
    // A bug in the engine itself: say so in one diagnostic rather than crash the CLI or the server.
    const message = `The linter failed on this document (${(e as Error)?.message ?? e}); nothing else was checked. Please report this with the file.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { kind, diagnostics: [{ ruleId: 'internal-error', severity: 'warning', message, pointer: '', range, docsUrl: ruleDocsUrl('internal-error') }] };
  }
}

export interface Linter {
  /**
   * Lints one document. Never throws; on any input returns the detected (or given) kind and diagnostics sorted
   * by position, each with rule id, severity after `profile.rules` overrides, message, pointer, range, docs link
   * and an optional fix (turn it into text edits with `fixToTextEdits`).
   */
  lint(text: string, options?: LintOptions): LintResult;
  /** `marathon-lint.config.json` text → Profile, with every problem as a `config` diagnostic. */
  parseConfig(text: string, fileName: string): { profile: Profile; errors: Diagnostic[] };
  /** Every rule id the engine can report, with metadata: engine rules (syntax, schema, …) then semantic rules. */
  allRules: readonly RuleMeta[];
}

/** The engine with a set of semantic rules plugged in. */
export function createLinter(rules: readonly Rule[]): Linter {
  const allRules: readonly RuleMeta[] = [...engineRules, ...rules.map(({ check: _c, ...meta }) => meta)];
  const ruleIds = allRules.map((r) => r.id);
  const jsonLayerIds = jsonLayerRuleIds(allRules);
  return {
    lint: (text, options = {}) => lintWith(rules, jsonLayerIds, text, options),
    parseConfig: (text, fileName) => readConfig(text, fileName, ruleIds),
    allRules,
  };
}

/** Engine findings honour `rules` settings too; semantic rules and schema findings already did. */
function withConfiguredSeverity(findings: Finding[], profile: Profile): Finding[] {
  const out: Finding[] = [];
  for (const f of findings) {
    if (f.ruleId !== 'syntax' && f.ruleId !== 'no-duplicate-keys' && f.ruleId !== 'unknown-kind') out.push(f);
    else {
      const s = effectiveSeverity(profile, f.ruleId, f.severity);
      if (s !== 'off') out.push({ ...f, severity: s as Severity });
    }
  }
  return out;
}
