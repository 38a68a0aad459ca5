/**
 * The last check before an engine runs anything (issue 8): every engine refuses the same unsafe names — ".",
 * "..", a leading "-", "/", control characters, unpaired surrogates (validation/request.ts) — on exactly the
 * strings it is about to put into dvdcli's argv, the module's `sh -c` string or the plugin's JSON body. The
 * request checks upstream should already have refused them; this keeps an engine safe when called any other way.
 */
import { checkDriverName, unsafeVolumeName } from '../validation/request';

export function refuseUnsafe(driver: string, name: string, what: string): { ok: false; detail: string } | undefined {
  const p = checkDriverName(driver) ?? unsafeVolumeName(name) ?? (name.includes('/') ? { message: 'name contains "/"' } : undefined);
  return p ? { ok: false, detail: `${what}: not run: ${p.message}` } : undefined;
}
