/** The dvdi area's rules; the lead wires `dvdiRules` into rules/index.ts. */
import type { Rule } from '../../core/rule';
import { dvdiContainerpathDots } from './dvdi-containerpath-dots';
import { dvdiDestructiveOption } from './dvdi-destructive-option';
import { dvdiDockerContainerpathAbsolute } from './dvdi-docker-containerpath-absolute';
import { dvdiDockerOptionsDriverOnly } from './dvdi-docker-options-driver-only';
import { dvdiDockerSizeUndefined } from './dvdi-docker-size-undefined';
import { dvdiDriverLabel } from './dvdi-driver-label';
import { dvdiDriverRequired } from './dvdi-driver-required';
import { dvdiEnvContainerpathPreexist } from './dvdi-env-containerpath-preexist';
import { dvdiEnvContainerpath } from './dvdi-env-containerpath';
import { dvdiEnvDockerContainerizer } from './dvdi-env-docker-containerizer';
import { dvdiEnvDuplicate } from './dvdi-env-duplicate';
import { dvdiEnvMigrate } from './dvdi-env-migrate';
import { dvdiEnvName } from './dvdi-env-name';
import { dvdiEnvOptsFormat } from './dvdi-env-opts-format';
import { dvdiEnvSlotOverwrite } from './dvdi-env-slot-overwrite';
import { dvdiEnvValueChars } from './dvdi-env-value-chars';
import { dvdiMesosContainerpathRelative } from './dvdi-mesos-containerpath-relative';
import { dvdiMesosModeRw } from './dvdi-mesos-mode-rw';
import { dvdiNameUniqueInApp } from './dvdi-name-unique-in-app';
import { dvdiNameUniqueInRootGroup } from './dvdi-name-unique-in-root-group';
import { dvdiOptionMisspelled } from './dvdi-option-misspelled';
import { dvdiOptionValueDvdcli } from './dvdi-option-value-dvdcli';
import { dvdiSingleInstance } from './dvdi-single-instance';
import { dvdiUpgradeStrategy } from './dvdi-upgrade-strategy';
import { rexrayOptionIops } from './rexray-option-iops';
import { rexrayOptionNewfstype } from './rexray-option-newfstype';
import { rexrayOptionOverwritefs } from './rexray-option-overwritefs';
import { rexrayOptionVolumetype } from './rexray-option-volumetype';

export const dvdiRules: readonly Rule[] = [
  dvdiContainerpathDots,
  dvdiDestructiveOption,
  dvdiDockerContainerpathAbsolute,
  dvdiDockerOptionsDriverOnly,
  dvdiDockerSizeUndefined,
  dvdiDriverLabel,
  dvdiDriverRequired,
  dvdiEnvContainerpathPreexist,
  dvdiEnvContainerpath,
  dvdiEnvDockerContainerizer,
  dvdiEnvDuplicate,
  dvdiEnvMigrate,
  dvdiEnvName,
  dvdiEnvOptsFormat,
  dvdiEnvSlotOverwrite,
  dvdiEnvValueChars,
  dvdiMesosContainerpathRelative,
  dvdiMesosModeRw,
  dvdiNameUniqueInApp,
  dvdiNameUniqueInRootGroup,
  dvdiOptionMisspelled,
  dvdiOptionValueDvdcli,
  dvdiSingleInstance,
  dvdiUpgradeStrategy,
  rexrayOptionIops,
  rexrayOptionNewfstype,
  rexrayOptionOverwritefs,
  rexrayOptionVolumetype,
];
