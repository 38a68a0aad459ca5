/** The volume area's rules; the lead wires `volumeRules` into rules/index.ts. */
import type { Rule } from '../../core/rule';
import { enumCase } from './enum-case';
import { externalVolumeContainerpathNonempty } from './external-volume-containerpath-nonempty';
import { externalVolumeJsonShape } from './external-volume-json-shape';
import { externalVolumeNameLabelPre18 } from './external-volume-name-label-pre-1.8';
import { externalVolumeNameRequired } from './external-volume-name-required';
import { externalVolumeNameUniqueInApp } from './external-volume-name-unique-in-app';
import { externalVolumeNoHostpath } from './external-volume-no-hostpath';
import { externalVolumeOptionKey } from './external-volume-option-key';
import { externalVolumeProviderKnown } from './external-volume-provider-known';
import { externalVolumeProviderLabel } from './external-volume-provider-label';
import { externalVolumeProviderRequired } from './external-volume-provider-required';
import { externalVolumeSizePositive } from './external-volume-size-positive';
import { featureExternalVolumes } from './feature-external-volumes';
import { persistentVolumeConstraint } from './persistent-volume-constraint';
import { persistentVolumeContainerpathDots } from './persistent-volume-containerpath-dots';
import { persistentVolumeContainerpathNoslash } from './persistent-volume-containerpath-noslash';
import { persistentVolumeMaxsizeGtSize } from './persistent-volume-maxsize-gt-size';
import { persistentVolumeMaxsizeMountOnly } from './persistent-volume-maxsize-mount-only';
import { persistentVolumeModeRw } from './persistent-volume-mode-rw';
import { persistentVolumeNoConstraintsOnRoot } from './persistent-volume-no-constraints-on-root';
import { persistentVolumeProfileNonempty } from './persistent-volume-profile-nonempty';
import { persistentVolumeSizePositive } from './persistent-volume-size-positive';
import { podNoExternalVolumes } from './pod-no-external-volumes';
import { residencyRequiresPv } from './residency-requires-pv';
import { residentAcceptedRoles } from './resident-accepted-roles';
import { residentRoleNotStar } from './resident-role-not-star';
import { residentUnreachableDisabled } from './resident-unreachable-disabled';
import { residentUpgradeStrategy } from './resident-upgrade-strategy';

export const volumeRules: readonly Rule[] = [
  enumCase,
  externalVolumeContainerpathNonempty,
  externalVolumeJsonShape,
  externalVolumeNameLabelPre18,
  externalVolumeNameRequired,
  externalVolumeNameUniqueInApp,
  externalVolumeNoHostpath,
  externalVolumeOptionKey,
  externalVolumeProviderKnown,
  externalVolumeProviderLabel,
  externalVolumeProviderRequired,
  externalVolumeSizePositive,
  featureExternalVolumes,
  persistentVolumeConstraint,
  persistentVolumeContainerpathDots,
  persistentVolumeContainerpathNoslash,
  persistentVolumeMaxsizeGtSize,
  persistentVolumeMaxsizeMountOnly,
  persistentVolumeModeRw,
  persistentVolumeNoConstraintsOnRoot,
  persistentVolumeProfileNonempty,
  persistentVolumeSizePositive,
  podNoExternalVolumes,
  residencyRequiresPv,
  residentAcceptedRoles,
  residentRoleNotStar,
  residentUnreachableDisabled,
  residentUpgradeStrategy,
];
