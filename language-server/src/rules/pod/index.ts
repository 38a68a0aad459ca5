/** Marathon's pod rules (marathon-rules.md §7), one per file. */
import type { Rule } from '../../core/rule';
import { podContainerName } from './pod-container-name';
import { podContainerNamesUnique } from './pod-container-names-unique';
import { podContainerResourcesRequired } from './pod-container-resources-required';
import { podContainersNonEmpty } from './pod-containers-nonempty';
import { podEndpointContainerPort } from './pod-endpoint-containerport';
import { podEndpointHostPortHostMode } from './pod-endpoint-hostport-host-mode';
import { podEndpointHostPortNetworkName } from './pod-endpoint-hostport-networkname';
import { podEndpointNamesUnique } from './pod-endpoint-names-unique';
import { podEndpointNetworkNames } from './pod-endpoint-networknames';
import { podEndpointPortsUnique } from './pod-endpoint-ports-unique';
import { podEndpointProtocolsUnique } from './pod-endpoint-protocols-unique';
import { podHealthCheckEndpoint } from './pod-healthcheck-endpoint';
import { podHealthCheckOneKind } from './pod-healthcheck-one-kind';
import { podHealthCheckTimeoutLtInterval } from './pod-healthcheck-timeout-lt-interval';
import { podId } from './pod-id';
import { podLegacyCgroups } from './pod-legacy-cgroups';
import { podLinuxInfoSeccomp } from './pod-linuxinfo-seccomp';
import { podNetworkNameChars } from './pod-network-name-chars';
import { podScaling } from './pod-scaling';
import { podResidentAcceptedRoles } from './pod-resident-accepted-roles';
import { podSecretVolumeRef } from './pod-secret-volume-ref';
import { podUnreachableResident } from './pod-unreachable-resident';
import { podUpgradeResident } from './pod-upgrade-resident';
import { podVolumeNamesUnique } from './pod-volume-names-unique';
import { podVolumeReferenced } from './pod-volume-referenced';
import { podVolumeMountRef } from './pod-volumemount-ref';

export const podRules: Rule[] = [
  podContainerName,
  podContainerNamesUnique,
  podContainerResourcesRequired,
  podContainersNonEmpty,
  podEndpointContainerPort,
  podEndpointHostPortHostMode,
  podEndpointHostPortNetworkName,
  podEndpointNamesUnique,
  podEndpointNetworkNames,
  podEndpointPortsUnique,
  podEndpointProtocolsUnique,
  podHealthCheckEndpoint,
  podHealthCheckOneKind,
  podHealthCheckTimeoutLtInterval,
  podId,
  podLegacyCgroups,
  podLinuxInfoSeccomp,
  podNetworkNameChars,
  podResidentAcceptedRoles,
  podScaling,
  podSecretVolumeRef,
  podUnreachableResident,
  podUpgradeResident,
  podVolumeNamesUnique,
  podVolumeReferenced,
  podVolumeMountRef,
];
