/**
 * `docker run -v` has no place for driver options: only Portworx (`pxd`) reads them from the volume name,
 * `name=pgdata,size=10,repl=2:/path`. Any other driver is asked for a volume literally called "name=pgdata,size=10".
 */
import type { Rule } from '../../core/rule';
import { findDriver, optionValueProblem } from '../../model/drivers/index';
import { dockerParametersOf, effectiveDriver } from '../../model/docker/dockerParameters';
import { parseVolumeSpec } from '../../model/docker/volumeSpec';
import { quoted } from '../../model/quoted';

/** Drivers that parse `key=value,…` volume names (Portworx docs, "Inline volume spec"). */
const inlineDrivers = new Set(['pxd']);

export const dockerVolumeDriverOptions: Rule = {
  id: 'docker-volume-driver-options',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'Driver options written into a Docker `volume` parameter (`name=…,size=…`) are only read by Portworx, and must be options it knows with valid values.',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const params = dockerParametersOf(ref);
      const driver = effectiveDriver(params);
      if (driver === undefined && params.unreadable) continue; // an unreadable item may be the driver (the schema says why)
      for (const v of params.volumes) {
        const parsed = parseVolumeSpec(v.value);
        if (!parsed.ok || !parsed.spec.inline || parsed.spec.source === undefined) continue;
        const { inline, source } = parsed.spec;
        if (driver === undefined || !inlineDrivers.has(driver)) {
          ctx.report({
            pointer: v.valuePointer,
            message:
              `The volume name ${quoted(source)} carries options, but only Portworx (driver "pxd") reads options from the name; ` +
              `${driver === undefined ? "Docker's local driver" : `the ${quoted(driver)} driver`} would create a volume literally called ${quoted(source)}. ` +
              'Give a plain name and create the volume with its options beforehand, or declare it as container.volumes[].external.',
          });
          continue;
        }
        const info = findDriver(driver);
        const problems: string[] = [];
        if (inline.name === undefined || inline.name === '') problems.push('there is no name= item, so Portworx makes up a name and a new volume every launch');
        for (const [key, value] of Object.entries(inline)) {
          if (key === 'name') continue;
          const option = info?.options.find((o) => o.key === key);
          if (!option) continue; // Portworx has many more options; only the known ones are checked.
          const problem = optionValueProblem(option.valueKind, value);
          if (problem) problems.push(`${key}=${value} ${problem}`);
        }
        if (problems.length === 0) continue;
        ctx.report({
          pointer: v.valuePointer,
          message: `Portworx cannot use the inline volume spec ${quoted(source)}: ${problems.join('; ')}. Fix the items, e.g. name=pgdata,size=10,repl=2.`,
        });
      }
    }
  },
};
