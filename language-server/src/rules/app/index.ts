/** Marathon's general app rules (marathon-rules.md §4), one per file. */
import type { Rule } from '../../core/rule';
import { acceptedRolesForRole } from './accepted-roles-for-role';
import { acceptedRolesNonEmpty } from './accepted-roles-nonempty';
import { appCmdArgsContainer } from './app-cmd-args-container';
import { appCmdLength } from './app-cmd-length';
import { appDependencyPathId } from './app-dependency-pathid';
import { appIdNotRoot } from './app-id-not-root';
import { appIdPattern } from './app-id-pattern';
import { appIdReserved } from './app-id-reserved';
import { checkDocker } from './check-docker';
import { checkPortIndex } from './check-port-index';
import { constraintArity } from './constraint-arity';
import { constraintField } from './constraint-field';
import { constraintGroupByInt } from './constraint-groupby-int';
import { constraintIsValue } from './constraint-is-value';
import { constraintLikeEmpty } from './constraint-like-empty';
import { constraintLikeRegex } from './constraint-like-regex';
import { constraintLikeRegexJava9 } from './constraint-like-regex-java9';
import { constraintMaxPerInt } from './constraint-maxper-int';
import { constraintOperatorUppercase } from './constraint-operator-uppercase';
import { constraintOperator } from './constraint-operator';
import { constraintUniqueNoValue } from './constraint-unique-no-value';
import { dcosMigrationApiLabels } from './dcos-migration-api-labels';
import { dockerContainerRequiresDocker } from './docker-container-requires-docker';
import { dockerCredentialRemoved } from './docker-credential-removed';
import { dockerLinuxInfo } from './docker-linuxinfo';
import { dockerNetworkNone } from './docker-network-none';
import { dockerPullConfigDocker } from './docker-pullconfig-docker';
import { dockerSingleContainerNetwork } from './docker-single-container-network';
import { envNameNonEmpty } from './env-name-nonempty';
import { envSecretFeature } from './env-secret-feature';
import { envSecretRef } from './env-secret-ref';
import { featureGpu } from './feature-gpu';
import { featureSecrets } from './feature-secrets';
import { fetchUriValid } from './fetch-uri-valid';
import { gpuDocker } from './gpu-docker';
import { healthCheckCommandProtocol } from './healthcheck-command-protocol';
import { healthCheckCommandRequired } from './healthcheck-command-required';
import { healthCheckIpv6 } from './healthcheck-ipv6';
import { healthCheckOneMesos } from './healthcheck-one-mesos';
import { healthCheckPortIndex } from './healthcheck-port-index';
import { healthCheckPortXorIndex } from './healthcheck-port-xor-index';
import { ipAddressAndPorts } from './ipaddress-and-ports';
import { ipAddressDiscoveryDocker } from './ipaddress-discovery-docker';
import { linuxInfoIpc } from './linuxinfo-ipc';
import { linuxInfoSeccomp } from './linuxinfo-seccomp';
import { mesosDockerUnsupportedField } from './mesos-docker-unsupported-field';
import { mesosImageTypes } from './mesos-image-types';
import { networkBridgeNoName } from './network-bridge-no-name';
import { networkDuplicates } from './network-duplicates';
import { networkHostNoName } from './network-host-no-name';
import { networkModeMix } from './network-mode-mix';
import { networkNameRequired } from './network-name-required';
import { networksDeprecatedMix } from './networks-deprecated-mix';
import { portNamesUnique } from './port-names-unique';
import { portMappingHostPortNetworkName } from './portmapping-hostport-networkname';
import { portMappingNetworkNames } from './portmapping-networknames';
import { portMappingsDup } from './portmappings-dup';
import { portMappingsHostDropped } from './portmappings-host-dropped';
import { portsAndPortDefinitions } from './ports-and-portdefinitions';
import { portsUnique } from './ports-unique';
import { pullConfigSecretRefRule } from './pullconfig-secret-ref';
import { readinessAtMostOne } from './readiness-at-most-one';
import { readinessPortNameRef } from './readiness-portname-ref';
import { readinessTimeoutLtInterval } from './readiness-timeout-lt-interval';
import { resourceLimits } from './resource-limits';
import { roleNameChars } from './role-name-chars';
import { roleValid } from './role-valid';
import { secretVolumeRef } from './secret-volume-ref';
import { singleInstanceLabel } from './single-instance-label';
import { unreachableInactiveLeExpunge } from './unreachable-inactive-le-expunge';
import { unknownProperty } from './unknown-property';
import { urisAndFetch } from './uris-and-fetch';
import { urisDeprecated } from './uris-deprecated';

export const appRules: Rule[] = [
  acceptedRolesForRole,
  acceptedRolesNonEmpty,
  appCmdArgsContainer,
  appCmdLength,
  appDependencyPathId,
  appIdNotRoot,
  appIdPattern,
  appIdReserved,
  checkDocker,
  checkPortIndex,
  constraintArity,
  constraintField,
  constraintGroupByInt,
  constraintIsValue,
  constraintLikeRegex,
  constraintLikeRegexJava9,
  constraintLikeEmpty,
  constraintMaxPerInt,
  constraintOperatorUppercase,
  constraintOperator,
  constraintUniqueNoValue,
  dcosMigrationApiLabels,
  dockerContainerRequiresDocker,
  dockerCredentialRemoved,
  dockerLinuxInfo,
  dockerNetworkNone,
  dockerPullConfigDocker,
  dockerSingleContainerNetwork,
  envNameNonEmpty,
  envSecretFeature,
  envSecretRef,
  featureGpu,
  featureSecrets,
  fetchUriValid,
  gpuDocker,
  healthCheckCommandProtocol,
  healthCheckCommandRequired,
  healthCheckIpv6,
  healthCheckOneMesos,
  healthCheckPortIndex,
  healthCheckPortXorIndex,
  ipAddressAndPorts,
  ipAddressDiscoveryDocker,
  linuxInfoIpc,
  linuxInfoSeccomp,
  mesosDockerUnsupportedField,
  mesosImageTypes,
  networkBridgeNoName,
  networkDuplicates,
  networkHostNoName,
  networkModeMix,
  networkNameRequired,
  networksDeprecatedMix,
  portNamesUnique,
  portMappingHostPortNetworkName,
  portMappingNetworkNames,
  portMappingsDup,
  portMappingsHostDropped,
  portsAndPortDefinitions,
  portsUnique,
  pullConfigSecretRefRule,
  readinessAtMostOne,
  readinessPortNameRef,
  readinessTimeoutLtInterval,
  resourceLimits,
  roleNameChars,
  roleValid,
  secretVolumeRef,
  singleInstanceLabel,
  unreachableInactiveLeExpunge,
  unknownProperty,
  urisAndFetch,
  urisDeprecated,
];
