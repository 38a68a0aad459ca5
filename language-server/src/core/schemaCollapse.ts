/**
 * Turns ajv's raw error list into one issue per problem. A failed `anyOf`/`oneOf` makes ajv report every
 * branch's errors plus the union's own error; a user wants one message. Ajv appends errors in evaluation
 * order and a union's error comes right after its branches' errors, so a single forward pass with a stack
 * collapses unions innermost first. Branch errors are recognised by their schema path (under the union's
 * path, or inside a `$ref`'d definition) and their instance path (at or under the union's instance).
 */

/** The subset of ajv's ErrorObject we read (the standalone validators produce the same shape). */
export interface AjvError {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  message?: string;
  /** Set on the errors inside `propertyNames`; the `propertyNames` error after them names the key and says it all. */
  propertyName?: string;
}

/** An issue after collapsing: ajv keywords plus `oneOfRequired` (one of several properties is needed). */
export interface SchemaIssue extends AjvError {
  /** For `enum`: the union also accepted any letter case of these values (Marathon 1.5+ enums). */
  caseInsensitive?: boolean;
}

const unionKeywords = new Set(['anyOf', 'oneOf']);
/** Keywords whose own error only repeats what its sub-schema errors say. */
const echoKeywords = new Set(['if', 'allOf']);

function depth(pointer: string): number {
  let n = 0;
  for (let i = 0; i < pointer.length; i++) if (pointer.charCodeAt(i) === 0x2f) n++;
  return n;
}

function within(pointer: string, base: string): boolean {
  return pointer === base || pointer.startsWith(base + '/');
}

function belongsToUnion(e: AjvError, union: AjvError): boolean {
  if (!within(e.instancePath, union.instancePath)) return false;
  if (e.schemaPath.startsWith(union.schemaPath + '/')) return true;
  const parent = union.schemaPath.slice(0, union.schemaPath.lastIndexOf('/'));
  return !e.schemaPath.startsWith(parent + '/'); // from a $ref'd definition inside a branch
}

/** One issue (or a few, all from the branch that got furthest) standing for a failed union. */
function collapseUnion(union: AjvError, branch: SchemaIssue[]): SchemaIssue[] {
  if (branch.length === 0) return [union];
  // `anyOf: [<field>, {type: null}]` is how an optional Marathon field says "null = absent" (schema/source/
  // nullAbsent.ts): the null alternative is no competing reading, so the field's own issues stand as they are.
  const nullAt = branch.findIndex((e) => e.keyword === 'type' && e.params.type === 'null' && e.instancePath === union.instancePath);
  if (nullAt >= 0 && branch.length > 1) {
    const rest = branch.filter((_, i) => i !== nullAt);
    if (rest.length === 1 || !rest.every((e) => e.instancePath === union.instancePath && e.keyword === 'type')) return rest;
    branch = rest;
  }
  const here = branch.filter((e) => e.instancePath === union.instancePath);
  const enumHere = here.find((e) => e.keyword === 'enum' || e.keyword === 'const');
  if (enumHere) {
    const allowed = enumHere.keyword === 'const' ? [enumHere.params.allowedValue] : (enumHere.params.allowedValues as unknown[]);
    const caseInsensitive = here.some((e) => e.keyword === 'pattern');
    // Other alternatives (e.g. "or an object") join as extra types only when they failed on type.
    return [{ ...enumHere, keyword: 'enum', params: { allowedValues: allowed }, caseInsensitive }];
  }
  const deeper = branch.filter((e) => e.instancePath !== union.instancePath);
  const typeOnlyHere = here.length > 0 && here.every((e) => e.keyword === 'type');
  if (deeper.length === 0 && typeOnlyHere) {
    const types = [...new Set(here.flatMap((e) => String(e.params.type).split(',')))];
    return [{ ...here[0], params: { type: types.join(',') } }];
  }
  if (deeper.length === 0 && here.every((e) => e.keyword === 'required')) {
    const missing = [...new Set(here.map((e) => String(e.params.missingProperty)))];
    return missing.length === 1 ? [here[0]] : [{ ...here[0], keyword: 'oneOfRequired', params: { missing } }];
  }
  // The branch that got furthest into the value is the one the author meant: report its errors only.
  const pool = deeper.length > 0 ? deeper : here.filter((e) => e.keyword !== 'type');
  if (pool.length === 0) return [here[0] ?? union];
  const maxDepth = Math.max(...pool.map((e) => depth(e.instancePath)));
  return pool.filter((e) => depth(e.instancePath) === maxDepth);
}

export function collapseErrors(errors: readonly AjvError[]): SchemaIssue[] {
  const out: SchemaIssue[] = [];
  for (const e of errors) {
    if (echoKeywords.has(e.keyword) || e.propertyName !== undefined) continue;
    if (!unionKeywords.has(e.keyword)) {
      out.push(e);
      continue;
    }
    let start = out.length;
    while (start > 0 && belongsToUnion(out[start - 1], e)) start--;
    const branch = out.splice(start);
    out.push(...collapseUnion(e, branch));
  }
  // Identical issues (same place, keyword and parameters) from different paths through the schema: keep one.
  const seen = new Set<string>();
  return out.filter((e) => {
    const sig = `${e.instancePath}\u0000${e.keyword}\u0000${JSON.stringify(e.params)}`;
    if (seen.has(sig)) return false;
    seen.add(sig);
    return true;
  });
}
