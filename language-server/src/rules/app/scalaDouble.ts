/** Scala prints doubles with at least one decimal ("1.0"), and Marathon's messages quote them that way. */
export function formatDouble(v: number): string {
  return Number.isInteger(v) ? v.toFixed(1) : String(v);
}
