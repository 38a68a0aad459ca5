/**
 * Suggests replacing the mesos-module-dvdi environment variables with native external volume stanzas,
 * which Marathon validates and (1.3+) hands to Mesos' own docker/volume isolator.
 */
import type { JsonObject } from '../../model/documentModel';
import type { PointerEdit } from '../../core/types';
import type { Rule, RuleContext } from '../../core/rule';
import { optionKeyRegex } from '../../model/volume/labelPatterns';
import { appendVolumesEdits } from '../../model/volume/appendVolumes';
import { dvdiSlotsOf, splitOpts, type DvdiEnvVar } from '../../model/dvdi/dvdiEnv';
import { moduleEnvAppsOf, type DvdiEnvApp } from '../../model/dvdi/dvdiEnvApps';
import { quoted } from '../../model/quoted';

/** The native volumes for the app's slots, or a reason why they cannot be written mechanically. */
function nativeVolumes(ctx: RuleContext, vars: DvdiEnvVar[]): JsonObject[] | string {
  if (vars.some((v) => v.slot === undefined)) return 'some variable names are illegal (see dvdi-env-name)';
  if (vars.some((v) => v.value === undefined)) return 'some values are not plain strings';
  const out: JsonObject[] = [];
  for (const slot of dvdiSlotsOf(vars)) {
    const name = slot.vars.NAME?.value;
    if (!name) return `slot ${slot.slot || '""'} has no DVDI_VOLUME_NAME`;
    const containerPath = slot.vars.CONTAINERPATH?.value;
    if (!containerPath) return `volume ${name} has no DVDI_VOLUME_CONTAINERPATH, and a native volume needs a containerPath`;
    // Marathon 1.3 – 1.4 only accept a single relative segment for Mesos-containerizer external volumes.
    if (ctx.atLeast('1.3') && !ctx.atLeast('1.5') && containerPath.includes('/')) return `Marathon 1.3 – 1.4 do not accept the absolute containerPath ${containerPath}`;
    const options: Record<string, string> = { 'dvdi/driver': slot.vars.DRIVER?.value || 'rexray' };
    for (const item of splitOpts(slot.vars.OPTS?.value ?? '')) {
      const [k, v] = item.split('=');
      const key = `dvdi/${k}`;
      if (v === undefined || !optionKeyRegex.test(key)) return `the option item ${quoted(item)} is not key=value`;
      options[key] = v.trim();
    }
    out.push({ containerPath, mode: 'RW', external: { name, provider: 'dvdi', options } });
  }
  return out;
}

function migrationEdits(app: DvdiEnvApp, volumes: JsonObject[]): PointerEdit[] {
  const edits: PointerEdit[] = app.vars.map((v) => ({ op: 'remove' as const, pointer: v.pointer }));
  edits.push(...appendVolumesEdits(app.appRef.pointer, app.appRef.app, volumes, { type: 'MESOS' }));
  return edits;
}

export const dvdiEnvMigrate: Rule = {
  id: 'dvdi-env-migrate',
  severity: 'info',
  kinds: ['app', 'group'],
  summary: 'DVDI_VOLUME_* environment variables can be written as native container.volumes[].external stanzas.',
  fixable: true,
  check(ctx) {
    for (const app of moduleEnvAppsOf(ctx)) {
      if (!app.vars.some((v) => v.field === 'NAME')) continue;
      const volumes = nativeVolumes(ctx, app.vars);
      const first = app.vars.find((v) => v.field === 'NAME')!;
      const extra = app.vars.some((v) => v.field === 'DVDCLI' || v.field === 'EXPLICITCREATE')
        ? ' DVDI_VOLUME_DVDCLI and DVDI_VOLUME_EXPLICITCREATE have no native equivalent (Mesos finds dvdcli on the agent PATH and always creates missing volumes).'
        : '';
      ctx.report({
        pointer: first.pointer,
        target: 'key',
        message:
          'This app asks mesos-module-dvdi for volumes through environment variables, which Marathon does not validate and which tie the app to agents running that module. ' +
          'Declare them as container.volumes[].external (provider "dvdi", options "dvdi/driver" and "dvdi/<option>", mode RW) instead; Marathon then checks them and Mesos mounts them itself.' +
          extra +
          (typeof volumes === 'string' ? ` No automatic fix: ${volumes}.` : ''),
        fix: typeof volumes === 'string' ? undefined : { title: 'Move DVDI_VOLUME_* variables to container.volumes', edits: migrationEdits(app, volumes) },
      });
    }
  },
};
