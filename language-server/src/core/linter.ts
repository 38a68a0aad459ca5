/**
 * The Marathon lint engine: pure functions from text to diagnostics. No I/O, and no input makes it throw.
 * Pipeline: parse (parse.ts) → kind (kind.ts) → schema (schemaValidation.ts) → semantic rules (runRules.ts)
 * → positions for the findings only (positions.ts) → config severities, docs links, sorting (diagnostics.ts).
 * The semantic rules are plugged in by the composition root (src/index.ts): core knows the `Rule` contract only.
 */
import { diagnosticsFor, toDiagnostics } from './diagnostics';
import { engineRules } from './engineRules';
import { readConfig, type ReadConfig } from './config';
import type { Finding } from './finding';
import { detectKind, readerOf, unknownKindMessage } from './kind';
import { deferBehindJsonLayer, jsonLayerRuleIds } from './jsonLayer';
import { asMarathonReadsIt } from './nullAbsent';
import { batchFindings } from './appBatch';
import { LineIndex } from './lineIndex';
import { parseDocument } from './parse';
import { defaultProfile, effectiveSeverity, type Profile } from './profile';
import { ruleDocsUrl, type Rule, type RuleMeta } from './rule';
import { runRules } from './runRules';
import { oneFindingPerMistake, withoutTurnedDownEchoes } from './overlap';
import { validateSchema } from './schemaValidation';
import { syntaxMessageFor } from './syntaxMessage';
import type { Diagnostic, DocumentKind, InvalidUtf8, LintResult, Severity } from './types';
import type { JsonObject } from '../model/documentModel';

export interface LintOptions {
  /** Skip shape detection and lint the document as this kind (e.g. a CLI `--kind pod`). */
  kind?: DocumentKind;
  /** The cluster profile (from `parseConfig`); `defaultProfile` when absent. */
  profile?: Profile;
  /** Where the text came from; not read, only passed through for adapters' logging. */
  uri?: string;
  /** Set by a reader that decoded the document's bytes and met one that is not UTF-8: the document is only that. */
  invalidUtf8?: InvalidUtf8;
  /**
   * For a batch of apps, by element index: the deployed app the element updates (it is judged merged into it), or
   * null when no app has its id and the element creates it (judged whole). rootGroup/lintTogether.ts knows them from
   * the deployed root group; an element not listed is a partial update judged on what it holds (appBatch.ts).
   */
  batchDeployed?: ReadonlyMap<number, JsonObject | null>;
}

/** The findings of a strictly parsed document's value: kind, semantic rules, schema, one finding per mistake. */
function valueFindings(rules: readonly Rule[], jsonLayerIds: ReadonlySet<string>, value: unknown, kind: DocumentKind, profile: Profile, text: string | undefined, deployed?: ReadonlyMap<number, JsonObject | null>): Finding[] {
  if (kind === 'unknown') return [{ ruleId: 'unknown-kind', severity: 'info', pointer: '', message: unknownKindMessage(value) }];
  // Each element as the app it is; `text` only tells whether a null is anywhere (nullAbsent.ts), true of the element
  // too. Asked once for the batch: searched once per element, a null-free 10,000-app batch took 40× a group's time.
  if (kind === 'apps') {
    const noNull = text !== undefined && !text.includes('null');
    return batchFindings(value, (app) => valueFindings(rules, jsonLayerIds, app, 'app', profile, noNull ? '' : undefined), { profile, jsonLayerIds, deployed });
  }
  const asRead = asMarathonReadsIt(value, kind, text);
  const ruleFindings = runRules(asRead, kind, profile, rules);
  let schemaFindings: readonly Finding[] = validateSchema(value, kind, profile);
  if (schemaFindings.length > 0) schemaFindings = withoutTurnedDownEchoes(value, schemaFindings, ruleFindings, turnedOffFindings(asRead, kind, profile, rules));
  return oneFindingPerMistake(value, schemaFindings, ruleFindings, deferBehindJsonLayer(jsonLayerIds, kind, schemaFindings, ruleFindings));
}

/**
 * What the error rules the profile turns off would have reported: never shown, only so that the schema's echo of
 * the same mistake goes with them (overlap.ts `withoutTurnedDownEchoes`). Run only when the schema found something.
 */
function turnedOffFindings(value: unknown, kind: DocumentKind, profile: Profile, rules: readonly Rule[]): Finding[] {
  const off = rules.filter((r) => r.severity === 'error' && profile.rules[r.id] === 'off');
  if (off.length === 0) return [];
  const rulesOn = { ...profile.rules };
  for (const r of off) delete rulesOn[r.id];
  return runRules(value, kind, { ...profile, rules: rulesOn }, off).filter((f) => f.ruleId !== 'internal-error');
}

/** A bug in the engine itself: said in one finding rather than crashing the CLI, the server or the gate. */
function internalError(e: unknown): Finding {
  const message = `The linter failed on this document (${(e as Error)?.message ?? e}); nothing else was checked. Please report this with the file.`;
  return { ruleId: 'internal-error', severity: 'warning', message, pointer: '' };
}

function lintWith(rules: readonly Rule[], jsonLayerIds: ReadonlySet<string>, text: string, options: LintOptions): LintResult {
  const profile = options.profile ?? defaultProfile;
  let kind: DocumentKind = options.kind ?? 'unknown';
  try {
    const source = typeof text === 'string' ? text : String(text);
    const doc = parseDocument(source, options.invalidUtf8);
    if (!options.kind) kind = detectKind(doc.value);
    const reader = readerOf(kind);
    const findings: Finding[] = doc.findings.map((f) => (f.ruleId === 'syntax' && reader !== 'Marathon' ? { ...f, message: syntaxMessageFor(reader, f.message) } : f));
    // A loop, not push(...): a spread passes every finding as a call argument on the stack, which overflows past
    // ~120,000 of them (a group of that many apps, each with one mistake).
    if (doc.strict) for (const f of valueFindings(rules, jsonLayerIds, doc.value, kind, profile, source, options.batchDeployed)) findings.push(f);
    return { kind, diagnostics: diagnosticsFor(doc, withConfiguredSeverity(findings, profile)) };
  } catch (e) {
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const { ruleId, severity, message, pointer } = internalError(e);
    return { kind, diagnostics: [{ ruleId, severity, message, pointer, range, docsUrl: ruleDocsUrl(ruleId) }] };
  }
}

function lintValueWith(rules: readonly Rule[], jsonLayerIds: ReadonlySet<string>, value: unknown, options: LintOptions): ValueLintResult {
  const profile = options.profile ?? defaultProfile;
  let kind: DocumentKind = options.kind ?? 'unknown';
  let findings: Finding[];
  try {
    if (!options.kind) kind = detectKind(value);
    findings = withConfiguredSeverity(valueFindings(rules, jsonLayerIds, value, kind, profile, undefined, options.batchDeployed), profile);
  } catch (e) {
    findings = [internalError(e)];
  }
  return {
    kind,
    findings: findings.map((f) => {
      const out: PointerDiagnostic = { ruleId: f.ruleId, severity: f.severity, message: f.message, pointer: f.pointer, docsUrl: ruleDocsUrl(f.ruleId) };
      if (f.fix) out.fix = f.fix;
      return out;
    }),
    withRanges: (text) => {
      try {
        return toDiagnostics(text, () => new LineIndex(text), findings);
      } catch (e) {
        return toDiagnostics('', () => new LineIndex(''), [internalError(e)]);
      }
    },
  };
}

/** A finding of `lintValue`: a Diagnostic without its range. */
export type PointerDiagnostic = Omit<Diagnostic, 'range'>;

export interface ValueLintResult {
  kind: DocumentKind;
  /** Semantic rules' findings in rule-list order, then the schema's; severities after `profile.rules`. */
  findings: PointerDiagnostic[];
  /**
   * The findings as Diagnostics of `text`, the text the value was parsed from, sorted by position as `lint` sorts
   * them: ranges are computed only by this call (one scan of the text), for callers that need line/col after all.
   */
  withRanges(text: string): Diagnostic[];
}

export interface Linter {
  /**
   * Lints one document. Never throws; on any input returns the detected (or given) kind and diagnostics sorted
   * by position, each with rule id, severity after `profile.rules` overrides, message, pointer, range, docs link
   * and an optional fix (turn it into text edits with `fixToTextEdits`).
   */
  lint(text: string, options?: LintOptions): LintResult;
  /**
   * Lints a value that is already parsed (`JSON.parse` of the document): the same findings as `lint` of its text,
   * less what only the text shows (syntax, duplicate keys), in the pipeline's order and without positions, so a
   * caller that reports pointers (the gate) pays for neither a second parse nor a scan of the text. Never throws.
   */
  lintValue(value: unknown, options?: LintOptions): ValueLintResult;
  /** `marathon-lint.config.json` text → Profile, with every problem as a `config` diagnostic. */
  parseConfig(text: string, fileName: string): ReadConfig;
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
    lintValue: (value, options = {}) => lintValueWith(rules, jsonLayerIds, value, options),
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
