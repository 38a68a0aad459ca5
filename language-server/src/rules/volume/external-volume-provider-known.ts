import { joinPointer } from '../../model/documentModel';
import type { PointerEdit } from '../../core/types';
import type { Rule } from '../../core/rule';
import { dvdiProvider, externalVolumesOf, optionsOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

export const externalVolumeProviderKnown: Rule = {
  id: 'external-volume-provider-known',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'An external volume provider is one Marathon has: "dvdi".',
  marathonMessage: 'is unknown provider',
  fixable: true,
  check(ctx) {
    for (const v of externalVolumesOf(ctx)) {
      const p = v.external.provider;
      if (typeof p !== 'string' || p === dvdiProvider) continue;
      const pointer = joinPointer(v.externalPointer, 'provider');
      // A common slip (Chronos style): the Docker volume driver written as the provider.
      const looksLikeDriver = /^[a-z0-9][-a-z0-9]*$/.test(p) && p !== 'csi';
      const edits: PointerEdit[] = [{ op: 'replace', pointer, value: dvdiProvider }];
      const options = optionsOf(v);
      if (looksLikeDriver && options?.['dvdi/driver'] === undefined) {
        edits.push(options ? { op: 'add', pointer: joinPointer(v.externalPointer, 'options', 'dvdi/driver'), value: p } : { op: 'add', pointer: joinPointer(v.externalPointer, 'options'), value: { 'dvdi/driver': p } });
      }
      ctx.report({
        pointer,
        message:
          `Marathon rejects external/provider with "is unknown provider": Marathon 1.1 – 1.10 only has the "dvdi" provider${p === 'csi' ? ' (CSI arrived after 1.10)' : ''}; ` +
          'the Docker volume driver goes into options["dvdi/driver"]. ' +
          (looksLikeDriver ? `Set "provider": "dvdi" and "dvdi/driver": ${quoted(p)}.` : 'Set "provider": "dvdi".'),
        fix: looksLikeDriver ? { title: `Use provider dvdi with driver ${p}`, edits } : { title: 'Use provider dvdi', edits: edits.slice(0, 1) },
      });
    }
  },
};
