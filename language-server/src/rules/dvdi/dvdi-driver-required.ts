import { joinPointer } from '../../model/documentModel';
import type { Rule } from '../../core/rule';
import { dvdiVolumesOf, optionsOf } from '../../model/volume/externalVolumes';

export const dvdiDriverRequired: Rule = {
  id: 'dvdi-driver-required',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A dvdi external volume names its Docker volume driver in options["dvdi/driver"].',
  marathonMessage: 'not defined',
  fixable: true,
  check(ctx) {
    for (const v of dvdiVolumesOf(ctx)) {
      const options = optionsOf(v);
      if (options?.['dvdi/driver'] !== undefined) continue;
      const edit = options
        ? { op: 'add' as const, pointer: joinPointer(v.externalPointer, 'options', 'dvdi/driver'), value: 'rexray' }
        : { op: 'add' as const, pointer: joinPointer(v.externalPointer, 'options'), value: { 'dvdi/driver': 'rexray' } };
      ctx.report({
        pointer: options ? joinPointer(v.externalPointer, 'options') : v.externalPointer,
        target: 'key',
        missing: options ? 'dvdi~1driver' : 'options',
        message:
          'Marathon rejects external/options("dvdi/driver") with "not defined": the agent needs the name of the Docker volume plugin that mounts this volume. ' +
          'Add "dvdi/driver", e.g. "rexray" (the mesos-module-dvdi default) or "pxd".',
        fix: { title: 'Add "dvdi/driver": "rexray"', edits: [edit] },
      });
    }
  },
};
