/** Apps that declare at least one dvdi volume, with those volumes: the scope of Marathon's per-app DVDI rules. */
import type { AppRef } from '../../core/documentModel';
import type { RuleContext } from '../rule';
import { dvdiVolumesOf, type ExternalVolumeRef } from '../volume/externalVolumes';

export interface DvdiApp {
  appRef: AppRef;
  volumes: ExternalVolumeRef[];
}

export function dvdiAppsOf(ctx: RuleContext): DvdiApp[] {
  const byPointer = new Map<string, DvdiApp>();
  for (const v of dvdiVolumesOf(ctx)) {
    const entry = byPointer.get(v.appRef.pointer) ?? { appRef: v.appRef, volumes: [] };
    entry.volumes.push(v);
    byPointer.set(v.appRef.pointer, entry);
  }
  return [...byPointer.values()];
}

/** How an app is named in messages: its absolute id, or where it is when it has none. */
export function appLabel(appRef: AppRef): string {
  return appRef.absoluteId ?? (appRef.pointer === '' ? 'this app' : `the app at ${appRef.pointer}`);
}
