/** The chronos area's rules; the lead wires `chronosRules` into rules/index.ts. */
import type { Rule } from '../../core/rule';
import { chronosConstraintOperator } from './chronos-constraint-operator';
import { chronosConstraintValue } from './chronos-constraint-value';
import { chronosContainerImage } from './chronos-container-image';
import { chronosContainerEnums } from './chronos-container-enums';
import { chronosExternalVolume } from './chronos-external-volume';
import { chronosJobName } from './chronos-job-name';
import { chronosMissingFails } from './chronos-missing-fails';
import { chronosNullFails } from './chronos-null-fails';
import { chronosNullValue } from './chronos-null-value';
import { chronosParents } from './chronos-parents';
import { chronosScheduleXorParents } from './chronos-schedule-xor-parents';
import { chronosSchedule } from './chronos-schedule';
import { chronosUrisFetch } from './chronos-uris-fetch';
import { chronosVolumeContainerpath } from './chronos-volume-containerpath';

export const chronosRules: readonly Rule[] = [
  chronosConstraintOperator,
  chronosConstraintValue,
  chronosContainerImage,
  chronosContainerEnums,
  chronosExternalVolume,
  chronosJobName,
  chronosMissingFails,
  chronosNullFails,
  chronosNullValue,
  chronosParents,
  chronosScheduleXorParents,
  chronosSchedule,
  chronosUrisFetch,
  chronosVolumeContainerpath,
];
