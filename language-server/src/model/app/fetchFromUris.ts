/**
 * The `fetch` entries equivalent to deprecated `uris`: Marathon translates each uri into `{uri}` with
 * `extract` true only for archives; Mesos only ever extracts archives, so a plain `{uri}` behaves the same.
 */
export function fetchFromUris(uris: readonly unknown[]): { uri: string }[] {
  return uris.filter((u): u is string => typeof u === 'string').map((uri) => ({ uri }));
}
