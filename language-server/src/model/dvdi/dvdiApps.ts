/** Apps that declare at least one dvdi volume, with those volumes: the scope of Marathon's per-app DVDI rules. */
import type { AppRef } from '../documentModel';
import { perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';
import { dvdiVolumesOf, type ExternalVolumeRef } from '../volume/externalVolumes';

export interface DvdiApp {
  appRef: AppRef;
  volumes: ExternalVolumeRef[];
}

/** Once per run (shared: read-only). */
export const dvdiAppsOf = perDocument((ctx: RuleContext): readonly DvdiApp[] => {
  const byPointer = new Map<string, DvdiApp>();
  for (const v of dvdiVolumesOf(ctx)) {
    let entry = byPointer.get(v.appRef.pointer);
    if (!entry) byPointer.set(v.appRef.pointer, (entry = { appRef: v.appRef, volumes: [] }));
    entry.volumes.push(v);
  }
  return [...byPointer.values()];
});

/** How an app is named in messages: its absolute id, or where it is when it has none. */
export function appLabel(appRef: AppRef): string {
  return appRef.absoluteId ?? (appRef.pointer === '' ? 'this app' : `the app at ${appRef.pointer}`);
}
