/**
 * Docker takes one volume driver per container and one mount per container path. Duplicate or conflicting
 * parameters either fail the launch ("Duplicate mount point") or silently hand a volume to the wrong plugin:
 * the last `--volume-driver` wins, and Marathon turns an external volume into `--volume-driver` too
 * (marathon-rules.md §6.4), so a different driver in the parameters competes with it.
 */
import type { Rule } from '../../core/rule';
import { dockerParametersOf } from '../../model/docker/dockerParameters';
import { parseVolumeSpec } from '../../model/docker/volumeSpec';
import { containerOf } from '../../model/app/containerizer';
import { isObject, joinPointer } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

export const dockerVolumeParametersConflict: Rule = {
  id: 'docker-volume-parameters-conflict',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Docker volume parameters do not conflict: one volume driver, one mount per container path, and no other driver than the external volumes use.',
  marathonMessage: 'Duplicate mount point (docker run, on the agent)',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const params = dockerParametersOf(ref);
      if (params.drivers.length === 0 && params.volumes.length === 0) continue;
      const drivers = [...new Set(params.drivers.map((d) => d.value.trim()))];
      if (drivers.length > 1) {
        const last = params.drivers[params.drivers.length - 1];
        ctx.report({
          pointer: last.pointer,
          message:
            `The app gives ${params.drivers.length} "volume-driver" parameters (${drivers.map(quoted).join(', ')}); Docker uses one driver per container, ` +
            `the last one (${quoted(last.value)}), so every named volume goes to it. Keep one "volume-driver", and move volumes of the other plugin to another app.`,
        });
      }
      // Mount points: the parameters' own, and the app's container.volumes (which Mesos also passes as -v).
      const seen = new Map<string, string>();
      const container = containerOf(ref.app);
      if (Array.isArray(container?.volumes)) {
        container.volumes.forEach((vol, i) => {
          if (isObject(vol) && typeof vol.containerPath === 'string') seen.set(vol.containerPath, joinPointer(ref.pointer, 'container', 'volumes', i));
        });
      }
      for (const v of params.volumes) {
        const parsed = parseVolumeSpec(v.value);
        if (!parsed.ok) continue;
        const where = seen.get(parsed.spec.destination);
        if (where !== undefined) {
          ctx.report({
            pointer: v.valuePointer,
            message:
              `Docker refuses to start the container: "Duplicate mount point: ${parsed.spec.destination}". ${where.includes('/parameters/') ? 'Another volume parameter' : 'A volume in container.volumes'} ` +
              `already mounts there. Mount each volume at its own path, or remove one of them.`,
          });
        } else seen.set(parsed.spec.destination, v.pointer);
      }
      const external = externalDrivers(ref.app);
      const paramDriver = params.drivers[params.drivers.length - 1];
      if (paramDriver && external.length > 0 && !external.includes(paramDriver.value.trim())) {
        ctx.report({
          pointer: paramDriver.valuePointer,
          message:
            `The "volume-driver" parameter says ${quoted(paramDriver.value)}, but the app's external volumes use ${external.map(quoted).join(', ')}, which Marathon also passes ` +
            'to Docker as --volume-driver: a container has one volume driver, so one of them mounts through the wrong plugin. Use one driver for all volumes of the app.',
        });
      }
    }
  },
};

function externalDrivers(app: Record<string, unknown>): string[] {
  const out = new Set<string>();
  const container = containerOf(app);
  if (!Array.isArray(container?.volumes)) return [];
  for (const vol of container.volumes) {
    if (!isObject(vol) || !isObject(vol.external) || !isObject(vol.external.options)) continue;
    const d = vol.external.options['dvdi/driver'];
    if (typeof d === 'string') out.add(d.trim());
  }
  return [...out];
}
