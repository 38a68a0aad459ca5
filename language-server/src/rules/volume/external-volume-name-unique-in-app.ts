import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { externalVolumesOf, nameOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

export const externalVolumeNameUniqueInApp: Rule = {
  id: 'external-volume-name-unique-in-app',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'The external volume names inside one app are distinct (shared volumes included).',
  marathonMessage: 'Volume names must be unique',
  check(ctx) {
    const byApp = new Map<string, Map<string, number>>();
    for (const v of externalVolumesOf(ctx)) {
      const name = nameOf(v);
      if (name === undefined) continue;
      const seen = byApp.get(v.appRef.pointer) ?? new Map<string, number>();
      byApp.set(v.appRef.pointer, seen);
      const first = seen.get(name);
      if (first === undefined) {
        seen.set(name, v.index);
        continue;
      }
      ctx.report({
        pointer: joinPointer(v.externalPointer, 'name'),
        message:
          `Marathon rejects container/volumes with "Volume names must be unique": ${quoted(name)} is already used by volume ${first} of this app, and this check counts shared volumes too. ` +
          'Mount the volume once, or give each volume its own name.',
      });
    }
  },
};
