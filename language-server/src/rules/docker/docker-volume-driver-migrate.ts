/**
 * The Docker `volume-driver` form as Marathon's own `container.volumes[].external`: Marathon then validates the
 * volume (name, driver, one instance, upgrade strategy, cluster-wide name uniqueness) and still hands Docker the
 * same `--volume-driver` and `-v name:path:mode` (marathon-rules.md §6.4, DOCKER column). Offered only where
 * Marathon's rules for Docker containers allow it (marathon-rules.md §6.1/6.2): the external_volumes feature, a driver that is a
 * label, a name the version accepts, mode ro/rw only, no driver options (Docker containers may only carry
 * dvdi/driver), one driver per container, at most one instance, and no upgrade strategy that would be refused.
 */
import type { PointerEdit } from '../../core/types';
import type { Rule, RuleContext } from '../../core/rule';
import { hasFeature } from '../../core/profile';
import { containerOf } from '../../model/app/containerizer';
import { isObject, type AppRef, type JsonObject } from '../../model/documentModel';
import { dockerParametersOf, effectiveDriver, type DockerParameter } from '../../model/docker/dockerParameters';
import { parseVolumeSpec } from '../../model/docker/volumeSpec';
import { labelRegex } from '../../model/volume/labelPatterns';
import { appendVolumesEdits } from '../../model/volume/appendVolumes';
import { quoted } from '../../model/quoted';

interface Plan {
  volumes: JsonObject[];
  remove: DockerParameter[];
}

/** Marathon 1.8.230+ (1.9.100+ on the 1.9 line) accept any non-empty external volume name (MARATHON-8697). */
function anyNameAccepted(ctx: RuleContext): boolean {
  return ctx.atLeast('1.9.100') || (ctx.atLeast('1.8.230') && !ctx.atLeast('1.9'));
}

function plan(ctx: RuleContext, ref: AppRef): Plan | string {
  if (!hasFeature(ctx.profile, 'external_volumes')) return 'the cluster profile does not enable the external_volumes feature';
  const params = dockerParametersOf(ref);
  const driver = effectiveDriver(params);
  if (driver === undefined) return 'there is no volume-driver parameter';
  if (new Set(params.drivers.map((d) => d.value.trim())).size > 1) return 'the volume-driver parameters disagree';
  if (!labelRegex.test(driver)) return `Marathon requires dvdi/driver to be a plain name, and ${quoted(driver)} is not one`;
  const app = ref.app;
  const instances = app.instances === undefined ? 1 : app.instances;
  if (typeof instances !== 'number' || instances > 1) return `Marathon limits an app with external volumes to one instance, and this one asks for ${String(instances)}`;
  const strategy = app.upgradeStrategy;
  if (isObject(strategy) && strategy.maximumOverCapacity !== 0) return 'Marathon requires upgradeStrategy.maximumOverCapacity 0 for external volumes';
  const container = containerOf(app);
  const existing = Array.isArray(container?.volumes) ? container.volumes : [];
  const names = new Set<string>();
  for (const vol of existing) {
    if (!isObject(vol) || !isObject(vol.external)) continue;
    if (typeof vol.external.name === 'string') names.add(vol.external.name);
    const d = isObject(vol.external.options) ? vol.external.options['dvdi/driver'] : undefined;
    if (typeof d === 'string' && d.trim() !== driver) return `the app's external volumes already use the driver ${quoted(d)}`;
  }
  const out: Plan = { volumes: [], remove: [...params.drivers] };
  for (const v of params.volumes) {
    const parsed = parseVolumeSpec(v.value);
    if (!parsed.ok) return `${v.value} is not a valid volume`;
    const spec = parsed.spec;
    if (!spec.named || spec.source === undefined) return `${v.value} is ${spec.source === undefined ? 'an anonymous volume' : 'a bind mount of an agent path'}, not a volume of the driver`;
    if (spec.modes.some((m) => m !== 'ro' && m !== 'rw')) return `the mode of ${v.value} has more than ro or rw`;
    if (!anyNameAccepted(ctx) && !labelRegex.test(spec.source)) return `Marathon ${ctx.profile.marathonVersion} only accepts lower-case names for external volumes, and ${quoted(spec.source)} is not one`;
    if (names.has(spec.source)) return `the volume name ${quoted(spec.source)} is declared twice`;
    names.add(spec.source);
    out.volumes.push({ containerPath: spec.destination, mode: spec.readOnly ? 'RO' : 'RW', external: { name: spec.source, provider: 'dvdi', options: { 'dvdi/driver': driver } } });
    out.remove.push(v);
  }
  return out.volumes.length > 0 ? out : 'there is no named volume to move';
}

function edits(ref: AppRef, p: Plan): PointerEdit[] {
  const out = appendVolumesEdits(ref.pointer, ref.app, p.volumes, { type: 'DOCKER' });
  // Highest index first: each removal shifts the items after it.
  for (const r of [...p.remove].sort((a, b) => b.index - a.index)) out.push({ op: 'remove', pointer: r.pointer });
  return out;
}

export const dockerVolumeDriverMigrate: Rule = {
  id: 'docker-volume-driver-migrate',
  severity: 'info',
  kinds: ['app', 'group'],
  summary: 'Volumes of the Docker `volume-driver` parameters can be declared as container.volumes[].external, which Marathon validates.',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const params = dockerParametersOf(ref);
      const first = params.volumes.find((v) => {
        const p = parseVolumeSpec(v.value);
        return p.ok && p.spec.named;
      });
      if (params.drivers.length === 0 || first === undefined) continue;
      const p = plan(ctx, ref);
      ctx.report({
        pointer: first.pointer,
        target: 'key',
        message:
          'This volume reaches the plugin through docker run parameters, which Marathon does not check (name, driver, one instance per volume, name clashes with other apps). ' +
          'Declared as container.volumes[].external with provider "dvdi" and options {"dvdi/driver": …}, Marathon validates it and passes Docker the same --volume-driver and -v.' +
          (typeof p === 'string' ? ` No automatic fix: ${p}.` : ''),
        fix: typeof p === 'string' ? undefined : { title: 'Move the volume-driver parameters to container.volumes[].external', edits: edits(ref, p) },
      });
    }
  },
};
