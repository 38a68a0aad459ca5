import type { Options } from 'ajv';

/**
 * The one ajv configuration of the project: strict (our schemas use standard keywords only, so any strict-mode
 * complaint is a bug in a schema), all errors (an editor shows every problem, not the first), standalone
 * CommonJS code. No formats are used by the schemas, so ajv-formats is not needed.
 */
export const ajvOptions: Options = {
  strict: true,
  allErrors: true,
  code: { source: true, esm: false, lines: true },
};
