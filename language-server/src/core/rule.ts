/**
 * What a rule is: metadata as data plus one `check` over the parsed document.
 * Rules are pure: they read `ctx`, call `ctx.report`, and never throw on odd input
 * (the runner still guards each call, so a bug in one rule cannot silence the others).
 *
 * Loops over `ctx.apps` and per-app views are indexed (`for (let ai = 0; …)`), not for-of: a CLI run is
 * mostly cold code, where every for-of step allocates an iterator result; over 10,000 apps × ~150 rules
 * that was a third of the rules' allocation and of their GC time. Build pointers only for what is reported.
 */
import type { DocumentKind, Fix, Severity } from './types';
import type { Profile } from './profile';
import type { AppRef, JsonObject } from '../model/documentModel';

export interface RuleMeta {
  /** kebab-case, also the docs page name: docs/rules/<id>.md */
  id: string;
  /** Default severity; `marathon-lint.config.json` `rules` may override it or turn it off. */
  severity: Severity;
  /** Document kinds the rule inspects. */
  kinds: readonly DocumentKind[];
  /** Marathon (or Chronos) versions the rule applies to, inclusive; absent = all. Compared with `compareVersions`. */
  versions?: { min?: string; max?: string };
  /** One sentence: what the rule checks. Used by docs, hover and `--format sarif`. */
  summary: string;
  /** Marathon's (or the agent's) own message text, when it has one. */
  marathonMessage?: string;
  /** True when `report` calls carry a `fix`. */
  fixable?: boolean;
  /**
   * 'json' when the check belongs to Marathon's JSON/RAML reading (a type, union or required-field error), which
   * stops Marathon before any semantic validation: see core/jsonLayer.ts. Absent = a semantic rule.
   */
  layer?: 'json';
}

export interface Report {
  /** RFC 6901 pointer to the offending value. */
  pointer: string;
  /** What is wrong, why, and what to do; quote Marathon's text first when it has one. */
  message: string;
  /** Put the range on the property name rather than its value (e.g. an unknown or forbidden key). Default 'value'. */
  target?: 'key' | 'value';
  fix?: Fix;
  /**
   * The finding is about this key (or one of these) being absent from the object at `pointer`, so a misspelt key
   * there explains it; "container/docker" names a key of a nested object (`docker` in `<pointer>/container`), and
   * "/container/type" (a leading "/") an absolute one, for keys elsewhere in the document. Segments are RFC 6901
   * tokens: the key "dvdi/driver" is written "dvdi~1driver".
   */
  missing?: string | readonly string[];
  /** The key at `pointer` looks like a misspelling of this one, which the object lacks. */
  misspelling?: string;
  /**
   * The message already says where each part it names comes from (it asked `ctx.sourceOf`), so the root-group
   * check adds no note of its own about deployed ids.
   */
  saysWhere?: boolean;
}

/**
 * Where a part of the document comes from in a root-group run: a linted document (by index, with its name when
 * known, and where the part is in it: `pointer`, "" for the document itself; `implied` for a group the document does not declare but needs, its ids lying below it) or the cluster.
 * `deployed`, asked for an app or pod itself, only when the run has the deployed root group and the app or pod is a
 * whole app or pod document (as posted to /v2/apps or /v2/pods) or an app a group document lists (/v2/groups): the
 * app or pod deployed with its id, or null. `written`, asked for a group a document declares: that group as the
 * document wrote it (a GroupUpdate: fields it leaves out are absent, where the placed group keeps the deployed ones).
 */
export type PartSource =
  | { document: number; pointer: string; name?: string; implied?: boolean; deployed?: JsonObject | null; written?: JsonObject }
  | 'cluster';

export interface RuleContext {
  /** The parsed document (JSON.parse result); any shape at all: check types before use. */
  readonly root: unknown;
  readonly kind: DocumentKind;
  readonly profile: Profile;
  /** Every app in the document: the document itself for an app, every nested app for a group. */
  readonly apps: readonly AppRef[];
  /** True when profile.marathonVersion >= v. */
  atLeast(v: string): boolean;
  /**
   * Only when several documents, or a document and the deployed root group, are checked as one root group
   * (rootGroup/check.ts): where the app, pod or group at (or around) `pointer` comes from. Absent for a document
   * linted alone, where everything is in this document.
   */
  sourceOf?(pointer: string): PartSource;
  report(report: Report): void;
}

export interface Rule extends RuleMeta {
  check(ctx: RuleContext): void;
}

const docsBaseUrl = 'https://github.com/marathon-devtools/marathon-devtools/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${docsBaseUrl}${id}.md`;
}
