/**
 * `lint()` with its semantic rules run in two halves, so that a second core can take one half.
 *
 * The engine's `lint` (core/index.ts) runs every rule on the calling thread. For a large file most of the
 * time is the rules (cold JIT over every app), so the CLI hands the tail of the rule list to a worker thread
 * (ruleWorker.ts) and runs the same pipeline as `lint` here with the head of the list, then appends the
 * worker's findings. Rule findings come out in rule-list order in both cases, so head + tail is exactly what
 * one `runRules` over the whole list returns, and the result is identical to `lint`'s
 * (test/cli/splitLint.test.ts checks this on the corpus and on generated groups).
 *
 * Keep this in step with `lint` in core/index.ts: same steps, same order, same fallbacks.
 */
import { ruleDocsUrl } from '../rules/rule';
import { rules as allRules } from '../rules/index';
import { diagnosticsFor } from '../core/diagnostics';
import type { Finding } from '../core/finding';
import { detectKind, unknownKindMessage } from '../core/kind';
import { withoutSchemaDuplicates } from '../core/overlap';
import { parseDocument } from '../core/parse';
import { defaultProfile, effectiveSeverity, type Profile } from '../core/profile';
import { runRules, type RuleFinding } from '../core/runRules';
import { validateSchema } from '../core/schemaValidation';
import type { DocumentKind, LintResult, Severity } from '../core/types';
import type { LintOptions } from '../core/index';

/**
 * Where the rule list is cut: the worker runs `rules.slice(splitIndex())`. The app rules near the end of the
 * list cost most (≈ 80% of rule time on a 10,000-app group); the cut gives the worker a little less than
 * half the rule time, because the calling thread starts its rules earlier than the worker can (the worker
 * first starts up and parses) but also checks the schema and duplicate keys. Measured on bench/data/group-10000.json.
 */
export const splitFraction = 0.63;

export function splitIndex(total: number = allRules.length): number {
  return Math.round(total * splitFraction);
}

/** The tail's findings, or undefined when the tail could not be run elsewhere (then it runs here). */
export type TailFindings = Promise<RuleFinding[] | undefined>;

export async function splitLint(text: string, options: LintOptions, tail: TailFindings): Promise<LintResult> {
  const profile = options.profile ?? defaultProfile;
  let kind: DocumentKind = options.kind ?? 'unknown';
  try {
    const doc = parseDocument(typeof text === 'string' ? text : String(text));
    if (!options.kind) kind = detectKind(doc.value);
    const findings: Finding[] = [...doc.findings];
    if (doc.strict) {
      if (kind === 'unknown') {
        findings.push({ ruleId: 'unknown-kind', severity: 'info', pointer: '', message: unknownKindMessage(doc.value) });
      } else {
        const cut = splitIndex();
        const head = runRules(doc.value, kind, profile, allRules.slice(0, cut));
        const schemaFindings = validateSchema(doc.value, kind, profile);
        const rest = (await tail) ?? runRules(doc.value, kind, profile, allRules.slice(cut));
        const ruleFindings = head.concat(rest);
        findings.push(...withoutSchemaDuplicates(doc.value, schemaFindings, ruleFindings), ...ruleFindings);
      }
    }
    return { kind, diagnostics: diagnosticsFor(doc, withConfiguredSeverity(findings, profile)) };
  } catch (e) {
    const message = `The linter failed on this document (${(e as Error)?.message ?? e}); nothing else was checked. Please report this with the file.`;
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    return { kind, diagnostics: [{ ruleId: 'internal-error', severity: 'warning', message, pointer: '', range, docsUrl: ruleDocsUrl('internal-error') }] };
  }
}

/** As in core/index.ts: engine findings honour `rules` settings too. */
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

/**
 * The tail half, as the worker runs it: its own parse of the same text (a parsed value cannot cross threads
 * cheaper than JSON.parse makes it). Undefined when the text is not strict JSON or the kind is unknown: the
 * calling thread then runs no rules either.
 */
export function tailFindings(text: string, forcedKind: DocumentKind | undefined, profile: Profile): RuleFinding[] | undefined {
  let value: unknown;
  try {
    // parseDocument's fast path without its duplicate-key check: a BOM becomes a space, then JSON.parse.
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text);
  } catch {
    return undefined;
  }
  const kind = forcedKind ?? detectKind(value);
  if (kind === 'unknown') return undefined;
  return runRules(value, kind, profile, allRules.slice(splitIndex()));
}
