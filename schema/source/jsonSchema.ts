/**
 * The small vocabulary the schema sources are written in. Every published `*.schema.json` is generated from
 * these sources by `scripts/generateSchemas.ts`, so shapes shared by several documents (an app inside a
 * group, labels, constraints, …) are written once but every published file stands alone.
 *
 * Conventions of the published schemas (draft-07, standard keywords only, accepted by ajv in strict mode):
 *
 * - Case-insensitive enums. Marathon 1.5+ reads enums case-insensitively (`"type": "docker"` is accepted), so
 *   such an enum is written `{"anyOf": [{"enum": [CANONICAL…]}, {"type": "string", "pattern": "^(?:…)$"}]}`.
 *   The first branch keeps the canonical spellings machine-readable (completion offers them, hover shows
 *   them); the second accepts any letter case. Tools looking for the values read `anyOf[0].enum`.
 *   Enums that Marathon or Chronos compare exactly use a plain `enum`.
 * - Patterns are full matches (RAML and Scala `Regex.unapplySeq` match the whole string), so every pattern is
 *   anchored with `^(?:…)$`.
 * - Unknown properties are allowed (Marathon ignores them); no `additionalProperties: false` on documents.
 * - `default` is the value Marathon's reader assumes when the field is absent.
 */

export type JsonSchema = { [keyword: string]: unknown };

/** Reference to a definition of the same published file. */
export function ref(name: string, description?: string): JsonSchema {
  // draft-07 ignores keywords beside $ref; a description beside it is wrapped so editors still show it.
  return description === undefined ? { $ref: `#/definitions/${name}` } : { description, allOf: [{ $ref: `#/definitions/${name}` }] };
}

/** An object with the given properties; `required` lists the names Marathon rejects when missing. */
export function obj(properties: Record<string, JsonSchema | boolean>, required: string[] = [], extra: JsonSchema = {}): JsonSchema {
  const s: JsonSchema = { type: 'object', ...extra, properties };
  if (required.length > 0) s.required = required;
  return s;
}

/** Anchors a regular expression so that it must match the whole string, as RAML patterns do. */
export function fullMatch(re: string): string {
  return `^(?:${re})$`;
}

function anyCase(value: string): string {
  return [...value]
    .map((ch) => {
      const lo = ch.toLowerCase();
      const up = ch.toUpperCase();
      if (lo !== up) return `[${up}${lo}]`;
      return /[\\^$.*+?()[\]{}|/-]/.test(ch) ? `\\${ch}` : ch;
    })
    .join('');
}

/** A case-insensitive enum (see the convention above). */
export function ciEnum(values: readonly string[], annotations: JsonSchema = {}): JsonSchema {
  return {
    ...annotations,
    anyOf: [
      { enum: [...values] },
      { type: 'string', pattern: `^(?:${values.map(anyCase).join('|')})$` },
    ],
  };
}

/** The canonical values of an enum written by `ciEnum` or as a plain `enum`; undefined otherwise. */
export function enumValues(schema: JsonSchema): string[] | undefined {
  if (Array.isArray(schema.enum)) return schema.enum as string[];
  const first = Array.isArray(schema.anyOf) ? (schema.anyOf[0] as JsonSchema | undefined) : undefined;
  return first && Array.isArray(first.enum) ? (first.enum as string[]) : undefined;
}

/**
 * Marathon's readers treat an explicit `null` like an absent optional field (play-json `readNullable`). Real
 * documents use that (e.g. `"maxInstances": null` in pods), so the optional fields where it occurs accept it.
 */
export function orNull(schema: JsonSchema): JsonSchema {
  const { description, readOnly, ...rest } = schema;
  const s: JsonSchema = { anyOf: [rest, { type: 'null' }] };
  if (description !== undefined) s.description = description;
  if (readOnly !== undefined) s.readOnly = readOnly;
  return s;
}

/**
 * A field the API echoes in answers and Marathon ignores on create (JSON Schema's `readOnly` annotation): still
 * accepted, so an exported definition lints, but editors do not offer it when one is written.
 */
export function readOnlyField(schema: JsonSchema): JsonSchema {
  return { ...schema, readOnly: true };
}

const INT32_MAX = 2147483647;
const INT64_MAX = 9007199254740991; // JSON numbers beyond 2^53 lose precision anyway

export function int32(min: number, annotations: JsonSchema = {}): JsonSchema {
  return { type: 'integer', minimum: min, maximum: INT32_MAX, ...annotations };
}

export function int64(min: number, annotations: JsonSchema = {}): JsonSchema {
  return { type: 'integer', minimum: min, maximum: INT64_MAX, ...annotations };
}
