import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { podNetworks, podOf } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

/**
 * Marathon 1.4 checks a pod's network names with the pod's own name validator (PodsValidation.scala@v1.4.13:
 * `networkValidator`: `network.name.each is valid(validName)`, NamePattern `^[a-z0-9]([-a-z0-9]*[a-z0-9])?$`, length
 * 1 to 63). From 1.5 the name is a RAML `NetworkName` (stringTypes.raml), which also allows "_": the schema's pattern.
 * A name that fails both is reported here alone (core/overlap.ts keeps the rule's finding on the value).
 */
const text = 'must contain only alphanumeric chars or hyphens, and must begin with a letter';
const namePattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const podNetworkNameChars: Rule = {
  id: 'pod-network-name-chars',
  severity: 'error',
  kinds: ['pod'],
  versions: { min: '1.4', max: '1.4.9999' },
  summary: 'In Marathon 1.4 a pod\'s network name is lower-case letters, digits and "-" only (no "_", which 1.5 allows), at most 63 characters.',
  marathonMessage: text,
  check(ctx) {
    const pod = podOf(ctx);
    if (!pod) return;
    for (const n of podNetworks(pod)) {
      if (n.name === undefined) continue;
      const badChars = !namePattern.test(n.name);
      // validName's `name.length should be < 64` has its own words (accord's "got v, expected less than b",
      // marathon-rules.md §1); a name can fail it with allowed characters only.
      const tooLong = n.name.length >= 64;
      if (!badChars && !tooLong) continue;
      const said = [...(badChars ? [`"${text}"`] : []), ...(tooLong ? [`"got ${n.name.length}, expected less than 64"`] : [])].join(' and ');
      const underscore = n.name.includes('_') ? ' Marathon 1.4 does not allow "_" in a pod\'s network name (1.5 does).' : '';
      // The suggestion must pass validName itself: allowed characters, no "-" at either end, at most 63 characters.
      const suggestion = n.name.toLowerCase().replace(/[^-a-z0-9]/g, '-').slice(0, 63).replace(/^-+|-+$/g, '') || 'dcos';
      ctx.report({
        pointer: joinPointer(n.pointer, 'name'),
        message:
          `Marathon 1.4 rejects the pod's network name ${quoted(n.name)}: ${said} (lower-case letters, digits and "-", ` +
          `not starting or ending with "-", at most 63 characters).${underscore} The name must match a CNI network on the agents: ` +
          `join one whose name is written that way, e.g. ${quoted(suggestion)}.`,
      });
    }
  },
};
