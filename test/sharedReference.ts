/**
 * `../shared` beside the repository: the reference documents, the corpus of real definitions and Marathon's own
 * example payloads (see ../shared/reference/ and CONTRIBUTING.md). It is not part of the repo; a test that needs
 * it says so: it skips with `needsShared(...)` as the reason, or fails with one sentence naming what is missing,
 * never with a bare ENOENT.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const sharedDir = join(import.meta.dirname, '..', '..', 'shared');

/** A skip reason when `../shared/<part>` is absent, else false (for `test(name, { skip }, …)`). */
export function needsShared(part: string): string | false {
  const path = join(sharedDir, part);
  return existsSync(path) ? false : `needs ../shared/${part} beside the repository (${path} is absent)`;
}

/** The path of `../shared/<part>`; throws one plain sentence when it is absent. */
export function sharedPath(part: string): string {
  const reason = needsShared(part);
  if (reason) throw new Error(`this test ${reason}`);
  return join(sharedDir, part);
}
