import type { Rule } from '../../core/rule';
import { isObject } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

const text = 'Not a fixed scaling policy';

/**
 * `scaling` is a RAML PodScalingPolicy whose `kind` is a discriminator (pod.raml): the reader Marathon generates from
 * it (type-generator ObjectVisitor.scala 1.8 to 1.10, project/RamlTypeGenerator.scala 1.4 to 1.7) reads `kind` as a
 * string and matches it exactly against "fixed"; anything else, a missing `kind` or another letter case included, is
 * the JSON error `error.expected.jsstring` ("expected one of (fixed)") at /scaling. PodsValidation's "Not a fixed
 * scaling policy" is therefore never reached; the finding quotes it as the validator's wording for the same rule.
 */
export const podScaling: Rule = {
  id: 'pod-scaling',
  severity: 'error',
  kinds: ['pod'],
  layer: 'json',
  summary: 'A pod\'s `scaling` policy is `fixed`, the only kind Marathon implements.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    const pod = ctx.root;
    if (!isObject(pod) || !isObject(pod.scaling) || pod.scaling.kind === 'fixed') return;
    const kind = pod.scaling.kind;
    const given = kind !== undefined;
    const pointer = given ? '/scaling/kind' : '/scaling';
    const what =
      !given ? 'it has no "kind"' : typeof kind === 'string' && kind.toLowerCase() === 'fixed' ? `"kind" is ${quoted(kind)}, and Marathon reads it in lower case only` : `"kind" is ${typeof kind === 'string' ? quoted(kind) : JSON.stringify(kind)}, a scaling Marathon does not implement`;
    ctx.report({
      pointer,
      ...(given ? {} : { missing: 'kind' }),
      message:
        `Marathon cannot read the pod's scaling: error.expected.jsstring, "expected one of (fixed)" (path /scaling; PodsValidation would say "${text}"): ${what}. ` +
        'Fixed scaling is the only kind Marathon implements, and its reader requires "kind": "fixed" exactly. Set "kind": "fixed" with `instances`.',
      fix: { title: 'Set "kind": "fixed"', edits: [{ op: given ? 'replace' : 'add', pointer: '/scaling/kind', value: 'fixed' }] },
    });
  },
};
