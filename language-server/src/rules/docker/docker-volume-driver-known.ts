/**
 * `--volume-driver` names the Docker volume plugin (a socket under /run/docker/plugins, or a managed plugin such
 * as `rexray/ebs`). A misspelt driver fails the task at launch ("error looking up volume plugin"); a named volume
 * without any driver is created by Docker's `local` driver on whichever agent runs the task.
 */
import type { Rule } from '../../core/rule';
import { nearest } from '../../model/nearest';
import { knownDrivers } from '../../model/drivers/index';
import { dockerParametersOf, effectiveDriver } from '../../model/docker/dockerParameters';
import { parseVolumeSpec } from '../../model/docker/volumeSpec';
import { quoted } from '../../model/quoted';

/** Docker's built-in driver, and the plugins this project knows (model/drivers). */
const driverNames = ['local', ...knownDrivers.map((d) => d.name)];

/** A managed (v2) plugin reference such as rexray/ebs or rexray/ebs:0.11.4 is taken as meant. */
const managedPlugin = /^[a-z0-9][a-z0-9._-]*\/[a-z0-9][a-z0-9._-]*(?::[A-Za-z0-9._-]+)?$/;

export const dockerVolumeDriverKnown: Rule = {
  id: 'docker-volume-driver-known',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'A `volume-driver` Docker parameter names a known volume plugin, and named `volume` parameters have a driver.',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const params = dockerParametersOf(ref);
      if (params.drivers.length === 0 && params.volumes.length === 0) continue;
      for (const d of params.drivers) {
        const driver = d.value.trim();
        if (driverNames.includes(driver) || managedPlugin.test(driver)) continue;
        const guess = driver === '' ? undefined : nearest(driver, driverNames);
        ctx.report({
          pointer: d.valuePointer,
          message:
            `Docker has no volume plugin ${quoted(d.value)} here as far as known: the task fails at launch with "error looking up volume plugin ${d.value}" ` +
            `unless the agents run a plugin of that name. ` +
            (guess ? `Did you mean "${guess}"?` : `Known drivers: ${driverNames.join(', ')}; a managed plugin is written like "rexray/ebs".`),
          fix: guess ? { title: `Use the volume driver "${guess}"`, edits: [{ op: 'replace', pointer: d.valuePointer, value: guess }] } : undefined,
        });
      }
      if (effectiveDriver(params) !== undefined || params.unreadable) continue; // an unreadable item may be the driver
      for (const v of params.volumes) {
        const parsed = parseVolumeSpec(v.value);
        if (!parsed.ok || !parsed.spec.named) continue;
        ctx.report({
          pointer: v.valuePointer,
          message:
            `${quoted(parsed.spec.volumeName ?? parsed.spec.source ?? '')} is a named volume, but the app sets no "volume-driver" parameter, so Docker's local driver creates it ` +
            `as an empty directory on whichever agent runs the task, and the data stays behind when the task moves. ` +
            `Add {"key": "volume-driver", "value": "rexray"} (or your plugin) to container.docker.parameters.`,
        });
      }
    }
  },
};
