/**
 * Where the schema validators come from: the precompiled standalone ajv validators built in `schema/`.
 * Until those exist, no kind has a validator and schema validation is skipped (the semantic rules still run).
 */
import type { Profile } from './profile';
import type { AjvError } from './schemaCollapse';
import type { DocumentKind } from './types';

export interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export function validatorFor(_kind: DocumentKind, _profile: Profile): Validator | undefined {
  return undefined;
}
