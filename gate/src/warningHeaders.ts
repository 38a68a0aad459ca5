/**
 * `Warning: 299 marathon-gate "…"` headers (RFC 7234 §5.5, warn-code 299 "Miscellaneous Persistent
 * Warning"), bounded like Kubernetes' admission warnings: each value under 256 characters, all of them at most
 * 4 KiB, the last one saying how many did not fit.
 */
import { findingText } from './marathonErrors';
import type { GateFinding } from './judge';

export const maxWarningLength = 255;
export const maxWarningsTotal = 4096;
const agent = 'marathon-gate';

/** A quoted-string of RFC 7230 §3.2.6, ASCII only (header values must be; the rest becomes '?'). */
function quoted(text: string, room: number): string {
  let s = text.replace(/[^\x20-\x7e]/g, '?').replace(/["\\]/g, '\\$&');
  if (s.length > room) s = s.slice(0, room - 3).replace(/\\+$/, '') + '...';
  return `"${s}"`;
}

function warningValue(text: string): string {
  const prefix = `299 ${agent} `;
  return prefix + quoted(text, maxWarningLength - prefix.length - 2);
}

/** `skippedBecause`: why the `skipped` checks did not run (by default, the deployed state could not be read). */
export function warningHeaders(findings: readonly GateFinding[], skipped: readonly string[] = [], skippedBecause = 'cluster state unavailable'): string[] {
  const texts = [
    ...(skipped.length > 0 ? [`checks skipped, ${skippedBecause}: ${skipped.join(', ')}`] : []),
    ...[...findings]
      .sort((a, b) => rank(a.severity) - rank(b.severity))
      .map((f) => `${f.severity} ${f.path} ${findingText(f, true)}`),
  ];
  const out: string[] = [];
  let total = 0;
  for (let i = 0; i < texts.length; i++) {
    const v = warningValue(texts[i]);
    const more = warningValue(`${texts.length - i} more findings not shown`);
    const fitsWithNote = total + v.length + (i < texts.length - 1 ? more.length : 0) <= maxWarningsTotal;
    if (!fitsWithNote) {
      out.push(more);
      break;
    }
    out.push(v);
    total += v.length;
  }
  return out;
}

function rank(s: string): number {
  return s === 'error' ? 0 : s === 'warning' ? 1 : 2;
}
