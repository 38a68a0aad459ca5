/**
 * Chronos' schedule grammar (Iso8601Expressions.scala): `R[n]/[start]/P…`, full match of
 * `(R[0-9]*)/(.*)/(P.*)`, the start read by Joda `DateTime.parse` and the period by
 * `ISOPeriodFormat.standard`. The date-time grammar below covers Joda's ISO parser for the forms
 * people write (calendar dates with optional time, fraction and offset).
 */
import { quoted } from '../quoted';
const expression = /^(R[0-9]*)\/(.*)\/(P.*)$/;
const dateTime =
  /^([+-]?\d{4,})(?:-(\d{2})(?:-(\d{2}))?)?(?:T(\d{2})(?::?(\d{2})(?::?(\d{2})(?:[.,](\d+))?)?)?)?(Z|[+-]\d{2}(?::?\d{2})?)?$/;
const period = /^P(?:\d+Y)?(?:\d+M)?(?:\d+W)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:[.,]\d+)?S)?)?$/;

export type ScheduleProblem =
  | { kind: 'unparseable'; detail: string }
  | { kind: 'before-1970'; start: string };

/** Epoch milliseconds of the start, or undefined when it does not parse. Missing zone = UTC (close enough for the 1970 check). */
function parseStart(s: string): number | undefined {
  const m = dateTime.exec(s);
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', sec = '00', , zone] = m;
  if (+mo < 1 || +mo > 12 || +d < 1 || +d > 31 || +h > 24 || +mi > 59 || +sec > 59) return undefined;
  let offset = 0;
  if (zone && zone !== 'Z') {
    const sign = zone.startsWith('-') ? -1 : 1;
    const digits = zone.slice(1).replace(':', '');
    offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || 0));
  }
  return Date.UTC(Number(y), +mo - 1, +d, +h, +mi, +sec) - offset * 60_000;
}

/** Which of the three parts keeps a schedule from matching `(R[0-9]*)/(.*)/(P.*)`. */
function shapeProblem(schedule: string): string {
  const parts = schedule.split('/');
  if (parts.length < 3) return 'it is not R[n]/[start]/P<duration> (three parts separated by "/")';
  if (!/^R[0-9]*$/.test(parts[0])) return `its first part, ${quoted(parts[0])}, is neither R (repeat forever) nor R followed by a number of runs (R10)`;
  const last = parts[parts.length - 1];
  if (/^[+-]?\d{4}-/.test(last)) return `its last part, ${quoted(last)}, is an end date, but Chronos takes only R[n]/[start]/P<duration>, not R/start/end: give the period between runs instead`;
  return `its last part, ${quoted(last)}, is not a duration: a duration starts with P (P1D, PT1H)`;
}

export function scheduleProblem(schedule: string): ScheduleProblem | undefined {
  const m = expression.exec(schedule);
  if (!m) return { kind: 'unparseable', detail: shapeProblem(schedule) };
  const [, , start, duration] = m;
  if (!period.test(duration!) || duration === 'P' || duration!.endsWith('T')) {
    return { kind: 'unparseable', detail: `${quoted(duration)} is not an ISO 8601 duration such as PT1H, P1D or PT10M (minutes need the T: P10M is ten months)` };
  }
  if (start === '') return undefined; // empty start means "now"
  const t = parseStart(start!);
  if (t === undefined) return { kind: 'unparseable', detail: `${quoted(start)} is not an ISO 8601 date-time such as 2014-03-08T20:00:00.000Z` };
  if (t < Date.UTC(1970, 0, 1, 0, 0, 1)) return { kind: 'before-1970', start: start! };
  return undefined;
}
