/**
 * `null` means "absent" in Marathon's readers: the RAML-generated play-json readers read every optional field
 * with `validateOpt`, which maps JSON `null` to `None` (marathon-rules.md §1.1; the DC/OS UI and
 * `GET /v2/apps` exports are full of such nulls). Required fields have no such escape: `null` there is the
 * reader's type error. So every optional property of an app, group or pod accepts `null`; map values and array
 * items do not (a `null` label value is `error.expected.jsstring`). Chronos reads JSON differently and is left alone.
 */
import { orNull, type JsonSchema } from './jsonSchema';

const isSchema = (v: unknown): v is JsonSchema => typeof v === 'object' && v !== null && !Array.isArray(v);

function acceptsNull(s: JsonSchema): boolean {
  if (s.type === 'null') return true;
  return Array.isArray(s.anyOf) && s.anyOf.some((b) => isSchema(b) && b.type === 'null');
}

/** A copy of `schema` where every non-required declared property also accepts `null`, at every depth. */
function optionalsAcceptNull(schema: JsonSchema): JsonSchema {
  const out: JsonSchema = {};
  for (const [key, value] of Object.entries(schema)) {
    if (key === 'properties' && isSchema(value)) {
      // A map (string keys to values: env, labels, external.options) names some keys only to document them;
      // play-json reads it as a Map, whose values have no `validateOpt`, so a null there is still an error.
      const isMap = isSchema(schema.additionalProperties);
      const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
      const props: JsonSchema = {};
      for (const [name, prop] of Object.entries(value)) {
        // Boolean schemas (`false` = "must not be here") stay as they are.
        if (!isSchema(prop)) props[name] = prop;
        else {
          const inner = optionalsAcceptNull(prop);
          props[name] = isMap || required.has(name) || acceptsNull(inner) ? inner : orNull(inner);
        }
      }
      out[key] = props;
    } else if ((key === 'anyOf' || key === 'allOf' || key === 'oneOf') && Array.isArray(value)) {
      out[key] = value.map((b) => (isSchema(b) ? optionalsAcceptNull(b) : b));
    } else if ((key === 'items' || key === 'additionalProperties') && isSchema(value)) {
      out[key] = optionalsAcceptNull(value);
    } else out[key] = value;
  }
  return out;
}

export function definitionsAcceptNull(definitions: Record<string, JsonSchema>): Record<string, JsonSchema> {
  const out: Record<string, JsonSchema> = {};
  for (const [name, def] of Object.entries(definitions)) out[name] = optionalsAcceptNull(def);
  return out;
}
