/**
 * Where the schema validators come from: the precompiled standalone ajv validators built in `schema/`
 * (`npm run build` generates them). Precompiled, so no ajv compile at startup.
 */
import { documentValidators } from '@marathon-devtools/schema/validators';
import type { Profile } from './profile';
import type { AjvError } from './schemaCollapse';
import type { DocumentKind } from './types';

export interface Validator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

/** The validator for a kind; the profile is accepted for version-specific schemas, which do not exist (yet). */
export function validatorFor(kind: DocumentKind, _profile: Profile): Validator | undefined {
  return kind === 'unknown' ? undefined : (documentValidators[kind] as Validator | undefined);
}
