/**
 * Driver knowledge for rules and completion. The table itself lives in `@marathon-devtools/schema/drivers/index`,
 * beside the other shared facts, because the dvdi-bridge reads the same table (destructive options, driver
 * hazards) and must not depend on the language server. Dependencies point one way: schema ← language-server,
 * schema ← agent-bridge.
 */
export type { DriverInfo, DriverOption, OptionValueKind } from '@marathon-devtools/schema/drivers/index';
export { knownDrivers, findDriver, destructiveEffect } from '@marathon-devtools/schema/drivers/index';
export { optionValueProblem } from './optionValues';
