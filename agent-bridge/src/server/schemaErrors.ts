/**
 * Runs one of the protocol schema's precompiled validators (schema/source/protocol.ts) and turns its first error
 * into a field-naming message, e.g. `params.options.size: must be string`.
 */
import bridgeProtocolSchema from '@marathon-devtools/schema/dvdi-bridge-protocol.schema.json';
import { bridgeParamsDefinitions, type ErrorObject, type Validator } from '@marathon-devtools/schema/validators';

export interface SchemaProblem {
  field: string;
  message: string;
}

/** One key as a field path segment: `.size`, or `["a,b"]` (clipped to 40 characters) for any other key. */
export function keyPath(k: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(k) ? `.${k}` : `[${JSON.stringify(k.length > 40 ? k.slice(0, 40) + '…' : k)}]`;
}

function pointerToField(root: string, pointer: string): string {
  let out = root;
  for (const raw of pointer.split('/').slice(1)) out += keyPath(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  return out;
}

/** The fields a closed object allows, read from the schema at the error's schemaPath (`#/…/additionalProperties`). */
function allowedFields(method: string | undefined, schemaPath: string): string[] {
  const definition = method === undefined ? undefined : (bridgeParamsDefinitions as Record<string, string>)[method];
  let node: unknown = definition === undefined ? undefined : (bridgeProtocolSchema.definitions as Record<string, unknown>)[definition];
  for (const step of schemaPath.split('/').slice(1, -1)) node = (node as Record<string, unknown> | undefined)?.[step];
  const properties = (node as { properties?: object } | undefined)?.properties;
  return properties ? Object.keys(properties) : [];
}

const typeNames: Record<string, string> = { object: 'an object', array: 'an array', string: 'a string', integer: 'an integer', number: 'a number', boolean: 'true or false', null: 'null' };

/** The JSON type of the value at a JSON pointer, as ajv names types. */
function jsonTypeAt(value: unknown, pointer: string): string | undefined {
  let v = value;
  for (const raw of pointer.split('/').slice(1)) v = (v as Record<string, unknown> | undefined)?.[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return v === undefined ? undefined : typeof v;
}

function describeSchemaError(e: ErrorObject, all: readonly ErrorObject[], root: string, method: string | undefined, value: unknown): SchemaProblem {
  let field = pointerToField(root, e.instancePath);
  let message = e.message ?? 'is not valid';
  if (e.keyword === 'type') {
    // Every type the schema allows here (the branches of an anyOf such as the request id), in words.
    const types = all.filter((x) => x.keyword === 'type' && x.instancePath === e.instancePath).flatMap((x) => [(x.params as { type: string | string[] }).type].flat());
    // A branch whose type the value has failed on something else (the request id "" or 129 characters: minLength,
    // maxLength): that bound is what is wrong, not the type.
    const bound = all.find((x) => x.instancePath === e.instancePath && !['type', 'anyOf', 'oneOf'].includes(x.keyword));
    const own = bound ? jsonTypeAt(value, e.instancePath) : undefined;
    message = `must be ${[...new Set(own ? [...types, own] : types)].map((t) => typeNames[t] ?? t).join(' or ')}`;
    if (bound && own) message += `; as ${typeNames[own] ?? own}: ${bound.message ?? 'is not valid'}`;
  } else if (e.keyword === 'const') {
    message = `must be exactly ${JSON.stringify((e.params as { allowedValue: unknown }).allowedValue)}`;
  } else if (e.keyword === 'required') {
    field = pointerToField(field, `/${(e.params as { missingProperty: string }).missingProperty}`);
    message = 'is required';
  } else if (e.keyword === 'additionalProperties') {
    field = pointerToField(field, `/${(e.params as { additionalProperty: string }).additionalProperty}`);
    const allowed = allowedFields(method, e.schemaPath);
    message = allowed.length > 0 ? `unknown field; expected only ${allowed.join(', ')}` : 'unknown field (the protocol schema allows no other fields here)';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { field, message: `${field}: ${message}` };
}

/**
 * `method`: the request's method when `value` is its params (root `params`), so an unknown field's message can
 * list the ones the schema allows; undefined for the envelope (root `message`).
 */
export function schemaProblem(validate: Validator<unknown>, value: unknown, method?: string, root = method === undefined ? 'message' : 'params'): SchemaProblem | undefined {
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  return first ? describeSchemaError(first, validate.errors ?? [], root, method, value) : { field: root, message: `${root}: does not match the protocol schema` };
}
