/**
 * Why a document fails its schema, one issue per mistake. The precompiled ajv validators answer "valid or not"
 * fast; only for a document they reject does this walk the schema (the draft-07 subset our schemas are written
 * in: type, enum, required, properties, additionalProperties, propertyNames, items, min/max, lengths, pattern,
 * allOf, anyOf, not, $ref) and say what is wrong.
 *
 * Unions (`anyOf`) are where ajv's own error list is noise: it reports every branch's errors and one more for
 * the union. Here a failed union picks the branch the document meant and reports only that branch's errors, as
 * VS Code's JSON service does (jsonParser.ts, `bestMatch`): first a branch that a key of the value alone
 * declares (`hostPath` means a host volume), then the branch whose declared fields the value uses most, then the
 * one with the fewest problems; on a full tie the last branch, the union's fallback form (Marathon reports the
 * host volume's error when no volume form fits: the `appVolume` description in schema/source/appVolumes.ts).
 * When every branch fails on the value itself, the alternatives are merged instead (an enum in any letter case,
 * "a string or null", "needs one of shell or argv").
 */
import { escapePointerToken } from '../model/documentModel';

/** One reason a value fails its schema, in ajv's error shape (plus the two kinds only a union produces). */
export interface SchemaIssue {
  /** A JSON Schema keyword, `oneOfRequired` (the value needs one of several keys) or `false schema` (nothing allowed). */
  keyword: string;
  /** RFC 6901 pointer of the value. */
  instancePath: string;
  /** Where in the document's schema the failing keyword is ("#/definitions/appHostVolume/properties/mode/…"). */
  schemaPath: string;
  params: Record<string, unknown>;
  /** For `enum`: the union also accepted any letter case of these values (Marathon 1.5+ enums). */
  caseInsensitive?: boolean;
}

type Node = { [keyword: string]: unknown };
type Schema = Node | boolean;

const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stops a pathological document (or a recursive definition) from exhausting the stack. */
const maxDepth = 200;

export class SchemaExplainer {
  private readonly regexes = new Map<string, RegExp>();
  private readonly declared = new WeakMap<Node, ReadonlySet<string>>();

  /** Instance paths where the precompiled validator found errors, with their ancestors; undefined = walk everything. */
  private failing: ReadonlySet<string> | undefined;

  constructor(private readonly root: Node) {}

  /**
   * Every issue of `value` against the whole schema; [] when it conforms. `failingPaths` (the `instancePath`s of the
   * precompiled validator's errors) lets the walk skip every value with no error at or below it: in a group of
   * 10,000 apps with a handful wrong, only those apps are walked.
   */
  explain(value: unknown, failingPaths?: Iterable<string>): SchemaIssue[] {
    this.failing = failingPaths === undefined ? undefined : withAncestors(failingPaths);
    const out: SchemaIssue[] = [];
    try {
      this.check(value, this.root, '', '#', out, 0);
    } finally {
      this.failing = undefined;
    }
    return out;
  }

  private resolve(node: Node, schemaPath: string): { node: Schema; schemaPath: string } {
    let n: Schema = node;
    let path = schemaPath;
    for (let guard = 0; isNode(n) && typeof n.$ref === 'string' && guard < 32; guard++) {
      const ref: string = n.$ref;
      let target: unknown = this.root;
      for (const seg of ref.replace(/^#\/?/, '').split('/').filter(Boolean)) target = isNode(target) ? target[seg.replace(/~1/g, '/').replace(/~0/g, '~')] : undefined;
      if (!isNode(target) && typeof target !== 'boolean') break;
      n = target;
      path = ref;
    }
    return { node: n, schemaPath: path };
  }

  private regex(pattern: string): RegExp {
    let re = this.regexes.get(pattern);
    if (!re) this.regexes.set(pattern, (re = new RegExp(pattern, 'u')));
    return re;
  }

  /** Appends the issues of `value` at `at` against `schema` (found at `schemaPath`) to `out`. */
  private check(value: unknown, schema: Schema, at: string, schemaPath: string, out: SchemaIssue[], depth: number): void {
    if (schema === true) return;
    if (schema === false) {
      out.push({ keyword: 'false schema', instancePath: at, schemaPath, params: {} });
      return;
    }
    if (depth > maxDepth) return;
    if (this.failing !== undefined && !this.failing.has(at)) return; // the validator found nothing wrong here
    if (typeof schema.$ref === 'string') {
      const r = this.resolve(schema, schemaPath);
      this.check(value, r.node, at, r.schemaPath, out, depth + 1);
      return;
    }
    const s = schema;
    if (s.type !== undefined && !typeMatches(value, s.type)) {
      // Nothing else of this node applies to a value of the wrong type: one issue says it.
      out.push({ keyword: 'type', instancePath: at, schemaPath: `${schemaPath}/type`, params: { type: Array.isArray(s.type) ? s.type.join(',') : String(s.type) } });
      return;
    }
    if (Array.isArray(s.enum) && !s.enum.some((e) => jsonEqual(e, value))) {
      out.push({ keyword: 'enum', instancePath: at, schemaPath: `${schemaPath}/enum`, params: { allowedValues: s.enum } });
    }
    if (typeof value === 'number') this.checkNumber(value, s, at, schemaPath, out);
    else if (typeof value === 'string') this.checkString(value, s, at, schemaPath, out);
    else if (Array.isArray(value)) this.checkArray(value, s, at, schemaPath, out, depth);
    else if (isNode(value)) this.checkObject(value, s, at, schemaPath, out, depth);
    if (Array.isArray(s.allOf)) s.allOf.forEach((b, i) => this.check(value, b as Schema, at, `${schemaPath}/allOf/${i}`, out, depth + 1));
    if (Array.isArray(s.anyOf)) this.checkUnion(value, s.anyOf as Schema[], at, `${schemaPath}/anyOf`, out, depth);
    if ((isNode(s.not) || typeof s.not === 'boolean') && this.conforms(value, s.not, at, `${schemaPath}/not`, depth)) {
      out.push({ keyword: 'not', instancePath: at, schemaPath: `${schemaPath}/not`, params: {} });
    }
  }

  /** Whether the value fits `schema` as a whole: walked in full, since ajv's failing paths say nothing about it. */
  private conforms(value: unknown, schema: Schema, at: string, schemaPath: string, depth: number): boolean {
    const failing = this.failing;
    this.failing = undefined;
    const issues: SchemaIssue[] = [];
    try {
      this.check(value, schema, at, schemaPath, issues, depth + 1);
    } finally {
      this.failing = failing;
    }
    return issues.length === 0;
  }

  private checkNumber(v: number, s: Node, at: string, sp: string, out: SchemaIssue[]): void {
    if (typeof s.minimum === 'number' && v < s.minimum) out.push({ keyword: 'minimum', instancePath: at, schemaPath: `${sp}/minimum`, params: { comparison: '>=', limit: s.minimum } });
    if (typeof s.maximum === 'number' && v > s.maximum) out.push({ keyword: 'maximum', instancePath: at, schemaPath: `${sp}/maximum`, params: { comparison: '<=', limit: s.maximum } });
    if (typeof s.exclusiveMinimum === 'number' && v <= s.exclusiveMinimum) out.push({ keyword: 'exclusiveMinimum', instancePath: at, schemaPath: `${sp}/exclusiveMinimum`, params: { comparison: '>', limit: s.exclusiveMinimum } });
    if (typeof s.exclusiveMaximum === 'number' && v >= s.exclusiveMaximum) out.push({ keyword: 'exclusiveMaximum', instancePath: at, schemaPath: `${sp}/exclusiveMaximum`, params: { comparison: '<', limit: s.exclusiveMaximum } });
  }

  private checkString(v: string, s: Node, at: string, sp: string, out: SchemaIssue[]): void {
    if (typeof s.minLength === 'number' || typeof s.maxLength === 'number') {
      const len = codePoints(v);
      if (typeof s.minLength === 'number' && len < s.minLength) out.push({ keyword: 'minLength', instancePath: at, schemaPath: `${sp}/minLength`, params: { limit: s.minLength } });
      if (typeof s.maxLength === 'number' && len > s.maxLength) out.push({ keyword: 'maxLength', instancePath: at, schemaPath: `${sp}/maxLength`, params: { limit: s.maxLength } });
    }
    if (typeof s.pattern === 'string' && !this.regex(s.pattern).test(v)) out.push({ keyword: 'pattern', instancePath: at, schemaPath: `${sp}/pattern`, params: { pattern: s.pattern } });
  }

  private checkArray(v: unknown[], s: Node, at: string, sp: string, out: SchemaIssue[], depth: number): void {
    if (typeof s.minItems === 'number' && v.length < s.minItems) out.push({ keyword: 'minItems', instancePath: at, schemaPath: `${sp}/minItems`, params: { limit: s.minItems } });
    if (typeof s.maxItems === 'number' && v.length > s.maxItems) out.push({ keyword: 'maxItems', instancePath: at, schemaPath: `${sp}/maxItems`, params: { limit: s.maxItems } });
    const items = s.items;
    if (isNode(items) || typeof items === 'boolean') {
      for (let i = 0; i < v.length; i++) this.check(v[i], items, `${at}/${i}`, `${sp}/items`, out, depth + 1);
    } else if (Array.isArray(items)) {
      for (let i = 0; i < v.length && i < items.length; i++) this.check(v[i], items[i] as Schema, `${at}/${i}`, `${sp}/items/${i}`, out, depth + 1);
    }
  }

  private checkObject(v: Node, s: Node, at: string, sp: string, out: SchemaIssue[], depth: number): void {
    if (Array.isArray(s.required)) {
      for (const name of s.required as string[]) {
        if (v[name] === undefined) out.push({ keyword: 'required', instancePath: at, schemaPath: `${sp}/required`, params: { missingProperty: name } });
      }
    }
    const props = isNode(s.properties) ? s.properties : undefined;
    const additional = s.additionalProperties;
    const names = isNode(s.propertyNames) || typeof s.propertyNames === 'boolean' ? s.propertyNames : undefined;
    for (const key in v) {
      if (!Object.prototype.hasOwnProperty.call(v, key)) continue;
      const child = v[key];
      if (names !== undefined) {
        const keyIssues: SchemaIssue[] = [];
        this.check(key, names, at, `${sp}/propertyNames`, keyIssues, depth + 1);
        if (keyIssues.length > 0) out.push({ keyword: 'propertyNames', instancePath: at, schemaPath: `${sp}/propertyNames`, params: { propertyName: key } });
      }
      if (child === undefined) continue;
      const sub = props !== undefined && Object.prototype.hasOwnProperty.call(props, key) ? (props[key] as Schema) : undefined;
      if (sub !== undefined) this.check(child, sub, `${at}/${escapePointerToken(key)}`, `${sp}/properties/${escapePointerToken(key)}`, out, depth + 1);
      else if (additional === false) out.push({ keyword: 'additionalProperties', instancePath: at, schemaPath: `${sp}/additionalProperties`, params: { additionalProperty: key } });
      else if (isNode(additional)) this.check(child, additional, `${at}/${escapePointerToken(key)}`, `${sp}/additionalProperties`, out, depth + 1);
    }
  }

  private checkUnion(value: unknown, branches: Schema[], at: string, sp: string, out: SchemaIssue[], depth: number): void {
    const results: SchemaIssue[][] = [];
    for (let i = 0; i < branches.length; i++) {
      const issues: SchemaIssue[] = [];
      this.check(value, branches[i], at, `${sp}/${i}`, issues, depth + 1);
      if (issues.length === 0) return; // one branch fits: the union does
      results.push(issues);
    }
    if (results.length === 0) return;
    // `anyOf: [<field>, {"type": "null"}]` is how an optional field says "null means absent" (schema/source/
    // nullAbsent.ts): the null alternative is no competing reading, so the field's own issues stand as they are.
    const nullOnly = (issues: SchemaIssue[]) => issues.length === 1 && issues[0].keyword === 'type' && issues[0].params.type === 'null' && issues[0].instancePath === at;
    if (results.length > 1 && results.some(nullOnly) && !results.every(nullOnly)) {
      const keep = results.map((r, i) => (nullOnly(r) ? -1 : i)).filter((i) => i >= 0);
      branches = keep.map((i) => branches[i]);
      const kept = keep.map((i) => results[i]);
      results.length = 0;
      results.push(...kept);
    }
    const merged = mergeAtValue(results, at);
    if (merged) {
      out.push(merged);
      return;
    }
    const picked = this.pick(value, branches, results, at);
    // "…which Marathon requires in a host volume": a key missing from the chosen form says which form needs it.
    const form = this.resolve(isNode(branches[picked]) ? (branches[picked] as Node) : {}, sp).node;
    const title = isNode(form) && typeof form.title === 'string' ? form.title : undefined;
    for (const issue of results[picked]) {
      out.push(title && issue.keyword === 'required' && issue.instancePath === at ? { ...issue, params: { ...issue.params, form: title } } : issue);
    }
  }

  /** The index of the branch the document meant (see the file comment for the order of the criteria). */
  private pick(value: unknown, branches: Schema[], results: SchemaIssue[][], at: string): number {
    const keys = isNode(value) ? Object.keys(value) : [];
    const declared = branches.map((b) => this.declaredKeys(b));
    let best = -1;
    let bestScore: number[] = [];
    for (let i = 0; i < branches.length; i++) {
      const wrongType = results[i].some((e) => e.instancePath === at && e.keyword === 'type') ? 0 : 1;
      let own = 0;
      let used = 0;
      for (const k of keys) {
        if (!declared[i].has(k)) continue;
        used++;
        if (declared.every((d, j) => j === i || !d.has(k))) own++;
      }
      const score = [wrongType, own, used, -results[i].length];
      if (best === -1 || compareScores(score, bestScore) >= 0) {
        best = i;
        bestScore = score;
      }
    }
    return best;
  }

  /** Property names a branch declares (through $ref and allOf). */
  private declaredKeys(branch: Schema): ReadonlySet<string> {
    if (!isNode(branch)) return new Set();
    let known = this.declared.get(branch);
    if (known) return known;
    const names = new Set<string>();
    const visit = (s: Schema, guard: number): void => {
      if (!isNode(s) || guard > 16) return;
      if (typeof s.$ref === 'string') return visit(this.resolve(s, '#').node, guard + 1);
      if (isNode(s.properties)) for (const [k, v] of Object.entries(s.properties)) if (v !== false) names.add(k); // `false`: forbidden, not this form's
      if (Array.isArray(s.allOf)) for (const b of s.allOf) visit(b as Schema, guard + 1);
    };
    visit(branch, 0);
    this.declared.set(branch, (known = names));
    return known;
  }
}

/**
 * When every branch failed on the value itself (not inside it), one issue says what the union accepts:
 * the enum (in any letter case when a branch takes any case), the merged types, or "one of these keys".
 */
function mergeAtValue(results: SchemaIssue[][], at: string): SchemaIssue | undefined {
  const all = results.flat();
  if (all.some((e) => e.instancePath !== at)) return undefined;
  const enumIssue = all.find((e) => e.keyword === 'enum');
  if (enumIssue && all.every((e) => e.keyword === 'enum' || e.keyword === 'pattern' || e.keyword === 'type')) {
    const allowed = [...new Set(all.filter((e) => e.keyword === 'enum').flatMap((e) => e.params.allowedValues as unknown[]))];
    // An optional field wraps its case-insensitive enum in `anyOf: [<enum union>, null]` (schema/source/nullAbsent.ts):
    // the inner union's merged issue keeps its "any letter case" through the outer merge.
    return { ...enumIssue, params: { allowedValues: allowed }, caseInsensitive: all.some((e) => e.keyword === 'pattern' || e.caseInsensitive === true) };
  }
  if (all.every((e) => e.keyword === 'type')) {
    const types = [...new Set(all.flatMap((e) => String(e.params.type).split(',')))];
    return { ...all[0], params: { type: types.join(',') } };
  }
  if (results.every((r) => r.length === 1 && r[0].keyword === 'required')) {
    const missing = [...new Set(all.map((e) => String(e.params.missingProperty)))];
    return missing.length === 1 ? all[0] : { ...all[0], keyword: 'oneOfRequired', params: { missing } };
  }
  return undefined;
}

/** The paths and every ancestor ("/apps/3/cmd" → "/apps/3/cmd", "/apps/3", "/apps", ""). */
function withAncestors(paths: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const p of paths) {
    for (let q = p; !out.has(q); q = q.slice(0, q.lastIndexOf('/'))) {
      out.add(q);
      if (q === '') break;
    }
  }
  return out;
}

function compareScores(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] - b[i];
  return 0;
}

function typeMatches(v: unknown, type: unknown): boolean {
  if (Array.isArray(type)) return type.some((t) => typeMatches(v, t));
  switch (type) {
    case 'string': return typeof v === 'string';
    case 'number': return typeof v === 'number' && Number.isFinite(v);
    case 'integer': return typeof v === 'number' && Number.isInteger(v);
    case 'boolean': return typeof v === 'boolean';
    case 'null': return v === null;
    case 'array': return Array.isArray(v);
    case 'object': return isNode(v);
    default: return true;
  }
}

function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}

/** String length as JSON Schema counts it: Unicode code points, not UTF-16 units. */
function codePoints(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) n--;
  }
  return n;
}
