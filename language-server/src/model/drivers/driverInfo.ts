/**
 * Docker volume drivers as data: what the lint rules and the language server's completion know about
 * a driver named in `options["dvdi/driver"]` (Marathon) or `external.provider` (Chronos).
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
}
