/**
 * External volume (`container.volumes[].external`) accessors shared by the volume and dvdi rules.
 * Everything is type-checked here so that rules can ask plain questions ("the driver, if a string").
 */
import { isObject, joinPointer, type JsonObject } from '../documentModel';
import { perDocument } from '../perDocument';
import type { RuleContext } from '../../core/rule';
import { volumesOfKind, type VolumeRef } from './appVolumes';

export interface ExternalVolumeRef extends VolumeRef {
  external: JsonObject;
  /** Pointer of the `external` object. */
  externalPointer: string;
}

/** Every external volume of the document, once per run (shared: read-only). */
export const externalVolumesOf = perDocument((ctx: RuleContext): readonly ExternalVolumeRef[] =>
  volumesOfKind(ctx, 'external').map((v) => ({
    // A literal, not `...v`: spreading 10,000 refs per document showed up in profiles.
    appRef: v.appRef,
    index: v.index,
    pointer: v.pointer,
    volume: v.volume,
    kind: v.kind,
    external: v.volume.external as JsonObject,
    externalPointer: v.pointer + '/external',
  })),
);

/** The only provider Marathon 1.1 – 1.10 knows. */
export const dvdiProvider = 'dvdi';

function isDvdi(v: ExternalVolumeRef): boolean {
  return v.external.provider === dvdiProvider;
}

/** Every dvdi volume of the document, once per run (shared: read-only). */
export const dvdiVolumesOf = perDocument((ctx: RuleContext): readonly ExternalVolumeRef[] => externalVolumesOf(ctx).filter(isDvdi));

export function optionsOf(v: ExternalVolumeRef): JsonObject | undefined {
  return isObject(v.external.options) ? v.external.options : undefined;
}

export function driverOf(v: ExternalVolumeRef): string | undefined {
  const d = optionsOf(v)?.['dvdi/driver'];
  return typeof d === 'string' ? d : undefined;
}

export function nameOf(v: ExternalVolumeRef): string | undefined {
  return typeof v.external.name === 'string' ? v.external.name : undefined;
}

/** `shared: true` exempts a volume from the uniqueness rules, but only from 1.8.222 / 1.9.64 on. */
export function sharedHonoured(ctx: RuleContext): boolean {
  return ctx.atLeast('1.8.222') && (!ctx.atLeast('1.9') || ctx.atLeast('1.9.64'));
}

export function isShared(ctx: RuleContext, v: ExternalVolumeRef): boolean {
  return sharedHonoured(ctx) && v.external.shared === true;
}

export function optionPointer(v: ExternalVolumeRef, key: string): string {
  return joinPointer(v.externalPointer, 'options', key);
}
