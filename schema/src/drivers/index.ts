/** The shared driver table (knownDrivers.ts) and its hazards (hazards.ts): imported by language-server and agent-bridge alike. */
export type { DriverHazard, DriverInfo, DriverOption, OptionValueKind } from './driverInfo';
export { knownDrivers, findDriver, destructiveEffect, driverHazards, DESTRUCTIVE_OPTION_KEYS } from './knownDrivers';
export { REXRAY_HAZARDS } from './hazards';
