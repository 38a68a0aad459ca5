/**
 * ajv's generated code gathers the errors of a called validator (a `$ref` compiled as its own function, such as the
 * app validator a group calls once per app) with `vErrors = vErrors === null ? v.errors : vErrors.concat(v.errors)`
 * (ajv/dist/vocabularies/core/ref.js `addErrorsFrom`, compile/validate/keyword.js). `concat` copies every error
 * gathered so far on each failing call, so a group whose N apps all fail costs O(N²): 4,000 failing apps took 1.2 s
 * in the group validator alone. Appending in place gives the same array in the same order in O(N).
 */
const concatAssign = /vErrors = vErrors === null \? ([\w$.]+) : vErrors\.concat\(\1\);/g;

export function linearErrors(code: string): string {
  const out = code.replace(concatAssign, 'if (vErrors === null) vErrors = $1; else for (const e of $1) vErrors.push(e);');
  // A new ajv that writes this step another way must not slip back to quadratic unnoticed.
  if (/vErrors\.concat\(/.test(out)) throw new Error('schema build: ajv gathers errors with vErrors.concat in a shape linearErrors.ts does not know; update its pattern');
  return out;
}
