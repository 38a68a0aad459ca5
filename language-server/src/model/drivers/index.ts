/** Driver knowledge for rules and completion. */
export type { DriverInfo, DriverOption, OptionValueKind } from './driverInfo';
export { knownDrivers, findDriver, destructiveEffect } from './knownDrivers';
export { optionValueProblem } from './optionValues';
