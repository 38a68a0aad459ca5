/**
 * Runs one of the protocol schema's precompiled validators (schema/dvdi-bridge-protocol.schema.json) and turns
 * its first error into a field-naming message, e.g. `params.options.size: must be string`.
 */
import type { ErrorObject, Validator } from '@marathon-devtools/schema/validators';

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

function describeSchemaError(e: ErrorObject, root = 'params'): SchemaProblem {
  let field = pointerToField(root, e.instancePath);
  let message = e.message ?? 'is not valid';
  if (e.keyword === 'required') {
    field = pointerToField(field, `/${(e.params as { missingProperty: string }).missingProperty}`);
    message = 'is required';
  } else if (e.keyword === 'additionalProperties') {
    field = pointerToField(field, `/${(e.params as { additionalProperty: string }).additionalProperty}`);
    message = 'unknown field (the protocol schema allows no other fields here)';
  } else if (e.keyword === 'enum') {
    message = `must be one of ${(e.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ')}`;
  }
  return { field, message: `${field}: ${message}` };
}

export function schemaProblem(validate: Validator<unknown>, value: unknown, root = 'params'): SchemaProblem | undefined {
  if (validate(value)) return undefined;
  const first = validate.errors?.[0];
  return first ? describeSchemaError(first, root) : { field: root, message: `${root}: does not match the protocol schema` };
}
