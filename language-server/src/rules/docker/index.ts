/** Rules for the Docker containerizer's own volume form (`container.docker.parameters`: volume-driver, volume, env). */
import type { Rule } from '../../core/rule';
import { dockerEnvParameter } from './docker-env-parameter';
import { dockerVolumeDriverKnown } from './docker-volume-driver-known';
import { dockerVolumeDriverMigrate } from './docker-volume-driver-migrate';
import { dockerVolumeDriverOptions } from './docker-volume-driver-options';
import { dockerVolumeParametersConflict } from './docker-volume-parameters-conflict';
import { dockerVolumeSpec } from './docker-volume-spec';

export const dockerRules: readonly Rule[] = [
  dockerVolumeSpec,
  dockerVolumeDriverKnown,
  dockerVolumeDriverOptions,
  dockerVolumeParametersConflict,
  dockerEnvParameter,
  dockerVolumeDriverMigrate,
];
