import { isObject, joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { optionKeyRegex } from '../../model/volume/labelPatterns';
import { containerizerOf } from '../../model/app/containerizer';
import { dvdiVolumesOf, optionsOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';
import { isMisspeltDriverKey } from '../../model/volume/optionMisspelling';

export const dvdiDockerOptionsDriverOnly: Rule = {
  id: 'dvdi-docker-options-driver-only',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'On the Docker containerizer, a dvdi volume may only set dvdi/driver: docker run --volume-driver cannot pass driver options.',
  marathonMessage: 'must only contain dvdi/driver',
  fixable: true,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      if (containerizerOf(v.appRef.app) !== 'DOCKER') continue;
      const options = optionsOf(v);
      if (!options) continue;
      // A key that is not an option key at all ("dvdi//driver") is external-volume-option-key's finding, and dvdi/driver
      // misspelt ("dvdi/drive") is dvdi-option-misspelled's: its rename keeps the driver the user wrote, where this
      // fix would delete it (one mistake, one finding: core/overlap.ts).
      const extra = Object.keys(options).filter((k) => k !== 'dvdi/driver' && optionKeyRegex.test(k) && !isMisspeltDriverKey(options, k));
      if (extra.length === 0) continue;
      ctx.report({
        pointer: joinPointer(v.externalPointer, 'options'),
        ...(isObject(v.appRef.app.container) && v.appRef.app.container.type == null ? { missing: joinPointer(v.appRef.pointer, 'container', 'type') } : {}),
        message:
          `Marathon rejects external/options with "must only contain dvdi/driver": the Docker containerizer mounts the volume with docker run --volume-driver, which has no way to pass ${extra.map(quoted).join(', ')} to the driver. ` +
          'Remove the other options and create the volume beforehand with them (docker volume create or the storage console), or switch the app to the Mesos containerizer.',
        fix: {
          title: 'Keep only dvdi/driver',
          edits: extra.map((k) => ({ op: 'remove' as const, pointer: joinPointer(v.externalPointer, 'options', k) })),
        },
      });
    }
  },
};
