/** Apps whose environment uses the mesos-module-dvdi variables, split by whether the module will see them. */
import type { AppRef } from '../../core/documentModel';
import type { RuleContext } from '../rule';
import { containerizerOf } from '../volume/appVolumes';
import { dvdiEnvVarsOf, type DvdiEnvVar } from './dvdiEnv';

export interface DvdiEnvApp {
  appRef: AppRef;
  vars: DvdiEnvVar[];
}

/** The module is a Mesos-containerizer isolator: a Docker-containerizer task never reaches it. */
export function moduleEnvAppsOf(ctx: RuleContext): DvdiEnvApp[] {
  return allEnvAppsOf(ctx).filter((a) => containerizerOf(a.appRef.app) !== 'DOCKER');
}

export function allEnvAppsOf(ctx: RuleContext): DvdiEnvApp[] {
  return ctx.apps.map((appRef) => ({ appRef, vars: dvdiEnvVarsOf(appRef) })).filter((a) => a.vars.length > 0);
}
