/**
 * Root-group checks: place documents into the deployed root group (placement.ts), run the root-group rules
 * there (check.ts), or both for a set of files (lintTogether.ts). Pure, no I/O: the CLI, the server and the
 * gate fetch the deployed root group with the Marathon client (cluster/src/marathon) and hand it in.
 */
export { placeIntoRootGroup, originOf, type Origin, type PlacedRootGroup, type ProposedDocument } from './placement';
export { checkRootGroup, type RootGroupFinding } from './check';
export { lintTogetherWith, type RootGroupRules, type TogetherDocument, type TogetherOptions } from './lintTogether';
