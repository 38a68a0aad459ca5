/**
 * The explicit nulls of a Chronos job that Chronos reads, each with what it makes of it (chronosNullReadings.ts).
 * Only what JobDeserializer actually reads counts: the container when it has an `image` key, the schedule of a job
 * without "parents", the attribute and value of an EQUALS/LIKE/UNLIKE constraint; a null anywhere else (an unknown
 * key, a field Chronos ignores) is not Chronos's business.
 */
import { isObject, type JsonObject } from '../documentModel';
import { chronosNullReadings, type NullReading } from './chronosNullReadings';
import { chronosReadsContainer } from './chronosVolumes';
import { quoted } from '../quoted';

export interface ChronosNull {
  pointer: string;
  reading: NullReading;
}

const byPath = new Map(chronosNullReadings.map((r) => [r.path, r]));
/** Every path that has a reading below it, so the walk goes no deeper than the table. */
const prefixes = new Set(chronosNullReadings.flatMap((r) => r.path.split('/').map((_, i, parts) => parts.slice(0, i + 1).join('/'))));
const understoodOperators = ['EQUALS', 'LIKE', 'UNLIKE'];

const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function applies(job: JsonObject, reading: NullReading, pointer: string): boolean {
  if (reading.scheduledOnly && job.parents !== undefined) return false;
  if (reading.understoodConstraintOnly) {
    // Only a constraint of a list is one Chronos reads as a tuple: "constraints" as an object (its key "*" walks like
    // an item) is the schema's finding, and must not be read here as a list.
    const list = job.constraints;
    const c: unknown = Array.isArray(list) ? list[Number(pointer.split('/')[2])] : undefined;
    return Array.isArray(c) && typeof c[1] === 'string' && understoodOperators.includes(c[1]);
  }
  return true;
}

export function chronosNullsOf(job: JsonObject): ChronosNull[] {
  const out: ChronosNull[] = [];
  const visit = (value: unknown, pointer: string, path: string): void => {
    if (value === null) {
      const reading = byPath.get(path);
      if (reading && applies(job, reading, pointer)) out.push({ pointer, reading });
      return;
    }
    if (!prefixes.has(path)) return;
    if (path === '/container' && !chronosReadsContainer(value)) return; // never read: chronos-container-image says so
    // A constraint is a tuple ([attribute, operator, value]): its table paths name positions, other lists use `*`.
    if (Array.isArray(value)) value.forEach((v, i) => visit(v, `${pointer}/${i}`, prefixes.has(`${path}/${i}`) ? `${path}/${i}` : `${path}/*`));
    else if (isObject(value)) for (const key of Object.keys(value)) visit(value[key], `${pointer}/${escape(key)}`, `${path}/${escape(key)}`);
  };
  for (const key of Object.keys(job)) visit(job[key], `/${escape(key)}`, `/${escape(key)}`);
  return out;
}

/** The null as a message names it: `"shell": null`, `the null in item 0 of "uris"`. */
export function chronosNullSubject(pointer: string): string {
  const parts = pointer.split('/');
  const last = parts[parts.length - 1].replace(/~1/g, '/').replace(/~0/g, '~');
  if (!/^\d+$/.test(last)) return `${quoted(last)}: null`;
  const list = parts[parts.length - 2].replace(/~1/g, '/').replace(/~0/g, '~');
  return /^\d+$/.test(list) ? `the null in item ${last} of this constraint` : `the null in item ${last} of ${quoted(list)}`;
}
