/**
 * Docker volume drivers as data: what the lint rules, the language server's completion and the dvdi-bridge know
 * about a driver named in `options["dvdi/driver"]` (Marathon) or `external.provider` (Chronos). One table for all
 * three (issue 8): the bridge refuses the same destructive options the linter warns about, and the hazards below.
 */

/** How a value is checked or completed. `label` is Marathon's LabelRegex grammar. */
export type OptionValueKind = 'label' | 'positive-integer' | 'boolean' | 'gib' | 'string';

export interface DriverOption {
  /** The key as the driver reads it; Marathon spells it `dvdi/<key>`. */
  key: string;
  /** One line for hover and completion. */
  description: string;
  valueKind: OptionValueKind;
  /**
   * What the option does to data already on a volume, when that is more than "nothing": the text is
   * shown verbatim in the `dvdi-destructive-option` warning.
   */
  destructive?: string;
  /** When the destructive effect needs a particular value (e.g. `true`), that value, compared case-insensitively. */
  destructiveWhen?: string;
}

export interface DriverInfo {
  /** Plugin name: the socket `/run/docker/plugins/<name>.sock` that dvdcli looks up. */
  name: string;
  description: string;
  /** Known option keys; drivers accept others too, so an unknown key is not an error. */
  options: DriverOption[];
  /** Caveats worth showing on hover. */
  notes?: string[];
  /** What the driver does that can destroy data or mislead an in-use check (hazards.ts). */
  hazards?: DriverHazard[];
}

/**
 * Something a driver does that a dry run must not trigger blindly. `wipes-on-mount`: mounting erases data;
 * `no-kernel-mount`: its mounts never show in /proc/self/mountinfo (and its Get shows no user), so only the
 * isolators' checkpoints can prove a volume unused; `formats`: an option reformats the volume.
 */
export interface DriverHazard {
  /** Stable id, what an operator names to allow it (`dvdi-bridge serve --allow-hazard <id>`). */
  id: string;
  kind: 'wipes-on-mount' | 'no-kernel-mount' | 'formats';
  /**
   * When it applies beyond the driver's name: `no-mount-status` = the plugin's Get shows neither a Mountpoint nor
   * Status.Mounts (how REX-Ray's vfs service looks under any module name, dvdi-bridge.md §5.1–5.2).
   */
  seenAs?: 'no-mount-status';
  /** What happens, in one sentence an operator can act on. */
  text: string;
  /** Where it is documented (../shared/reference/dvdi-bridge.md section). */
  source: string;
}
