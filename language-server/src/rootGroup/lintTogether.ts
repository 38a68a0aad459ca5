/**
 * Lint several documents as one change to a root group: each is linted alone, then all are placed into the
 * deployed root group (or, without a cluster, into an empty one: files linted together check each other) and
 * the root-group rules run on the result. For every placed document, the root-group rules' per-file findings
 * are replaced by the ones in context, so a verdict never depends on whether the neighbours were seen.
 */
import { toDiagnostics } from '../core/diagnostics';
import type { LintOptions } from '../core/linter';
import { parseDocument } from '../core/parse';
import { defaultProfile, type Profile } from '../core/profile';
import type { Rule } from '../core/rule';
import type { Diagnostic, DocumentKind, InvalidUtf8, LintResult } from '../core/types';
import { checkRootGroup } from './check';
import { placeIntoRootGroup, type ProposedDocument } from './placement';

export interface TogetherDocument {
  text: string;
  /** As `lint`'s `kind` option: skip detection. */
  kind?: DocumentKind;
  /** How a finding in another document may name this one (e.g. its path); absent = "another of the files". */
  name?: string;
  /** As `lint`'s `invalidUtf8` option: such a document is not placed into the root group. */
  invalidUtf8?: InvalidUtf8;
}

export interface TogetherOptions {
  /** The deployed root group (GroupInfo from `GET /v2/groups`); absent = no cluster, the documents alone. */
  deployed?: unknown;
  profile?: Profile;
  /** Each document already linted alone with `profile` (e.g. while the deployed root group was being read). */
  alone?: readonly LintResult[];
}

export interface RootGroupRules {
  /** Root-group rules that run with or without a cluster. */
  always: readonly Rule[];
  /** Rules that need the whole deployed root group (e.g. dependencies that resolve). */
  withCluster: readonly Rule[];
}

export function lintTogetherWith(
  lint: (text: string, options?: LintOptions) => LintResult,
  rules: RootGroupRules,
  documents: readonly TogetherDocument[],
  options: TogetherOptions = {},
): LintResult[] {
  const profile = options.profile ?? defaultProfile;
  const results = options.alone?.length === documents.length ? [...options.alone] : documents.map((d) => lint(d.text, { kind: d.kind, profile, invalidUtf8: d.invalidUtf8 }));
  // A batch of apps is several apps in one change, placed together even alone.
  if (documents.length < 2 && options.deployed === undefined && results[0]?.kind !== 'apps') return results;
  const parsed = documents.map((d) => parseDocument(d.text, d.invalidUtf8));
  const proposed: ProposedDocument[] = parsed.map((p, i) => ({ kind: results[i].kind, value: p.strict ? p.value : undefined, name: documents[i].name }));
  const placed = placeIntoRootGroup(options.deployed, proposed);
  // With the deployed apps known, a batch's elements are judged merged into the apps they update, or whole where
  // they create one (core/appBatch.ts).
  for (const [i, bases] of placed.batchDeployed) {
    if (bases.size > 0) results[i] = lint(documents[i].text, { kind: results[i].kind, profile, invalidUtf8: documents[i].invalidUtf8, batchDeployed: bases });
  }
  const active = options.deployed === undefined ? rules.always : [...rules.always, ...rules.withCluster];
  const ids = new Set(active.map((r) => r.id));
  const found = checkRootGroup(placed, profile, active);
  return results.map((r, i) => {
    if (placed.unplaced.has(i) || !placed.placedIds.has(i)) return r;
    const mine = found.filter((f) => f.source === i);
    const kept = r.diagnostics.filter((d) => !ids.has(d.ruleId));
    if (mine.length === 0 && kept.length === r.diagnostics.length) return r;
    const added: Diagnostic[] = toDiagnostics(parsed[i].text, parsed[i].lines, mine.map(({ source: _s, deployed: _d, ...f }) => f));
    const diagnostics = [...kept, ...added].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
    return { ...r, diagnostics };
  });
}
