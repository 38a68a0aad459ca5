/** Numbers as Marathon prints them in `got v, expected w` messages: Scala doubles, so 1 is "1.0". */
export function scalaDouble(n: number): string {
  return Number.isInteger(n) ? n.toFixed(1) : String(n);
}
