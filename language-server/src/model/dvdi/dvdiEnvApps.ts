/** Apps whose environment uses the mesos-module-dvdi variables, split by whether the module will see them. */
import type { AppRef } from '../documentModel';
import { perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';
import { containerizerOf } from '../app/containerizer';
import { dvdiEnvVarsOf, type DvdiEnvVar } from './dvdiEnv';

export interface DvdiEnvApp {
  appRef: AppRef;
  vars: DvdiEnvVar[];
}

/** The module is a Mesos-containerizer isolator: a Docker-containerizer task never reaches it. */
export const moduleEnvAppsOf = perDocument((ctx: RuleContext): readonly DvdiEnvApp[] =>
  allEnvAppsOf(ctx).filter((a) => containerizerOf(a.appRef.app) !== 'DOCKER'),
);

/** Once per run (shared: read-only); most apps have no DVDI_VOLUME_* variables, so most are dropped here. */
export const allEnvAppsOf = perDocument((ctx: RuleContext): readonly DvdiEnvApp[] => {
  const out: DvdiEnvApp[] = [];
  for (let ai = 0; ai < ctx.apps.length; ai++) {
    const appRef = ctx.apps[ai];
    const vars = dvdiEnvVarsOf(appRef);
    if (vars.length > 0) out.push({ appRef, vars });
  }
  return out;
});
