/** A `volume` Docker parameter has the form Docker's `-v` reads (model/docker/volumeSpec.ts); else `docker run` refuses it. */
import type { Rule } from '../../core/rule';
import { dockerParametersOf } from '../../model/docker/dockerParameters';
import { parseVolumeSpec } from '../../model/docker/volumeSpec';

export const dockerVolumeSpec: Rule = {
  id: 'docker-volume-spec',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'A `volume` Docker parameter is `name:/path[:mode]` (or `/host/path:/path[:mode]`): an absolute path inside the container and a known mode.',
  marathonMessage: "invalid volume specification: '<value>' (docker run, on the agent)",
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      for (const v of dockerParametersOf(ref).volumes) {
        const parsed = parseVolumeSpec(v.value);
        if (parsed.ok) continue;
        ctx.report({
          pointer: v.valuePointer,
          message:
            `Docker refuses to start the container: "invalid volume specification: '${v.value}'": ${parsed.reason}. ` +
            'Marathon accepts the app, so the failure only shows when a task is launched. Write it as name:/path/in/container, optionally followed by :ro or :rw.',
        });
      }
    }
  },
};
