/**
 * The fields a Chronos job must not leave out, where a missing key is not the same as a null or a default: Chronos's
 * JobDeserializer (mesos/chronos@c1348ddfd8, "L" numbers are its lines) reads them as `node.get("f").asText()` or
 * `.asInt()` with no `has("f")` guard. For a missing key Jackson's `get` is a Java null, so reading it throws a
 * NullPointerException while the job is parsed (HTTP 500), where an explicit null is a NullNode that reads as the
 * text "null" or 0 (chronosNullReadings.ts). chronos-job.md §2 lists the fields.
 *
 * Left to their own rules: the job's `name` (L35, chronos-job-name), a volume's `containerPath` (L274,
 * chronos-volume-containerpath), an external volume's `name` and `provider` (L267-268, chronos-external-volume) and a
 * constraint's operator and value (L371-377, chronos-constraint-value).
 */
import { isObject, type JsonObject } from '../documentModel';
import { chronosReadsContainer } from './chronosVolumes';

export interface MissingReading {
  /** The objects that must hold the key: a path from the job, `*` for every item of a list. */
  path: string;
  key: string;
  /** JobDeserializer.scala line that reads it. */
  line: number;
  /** The object as a message names it. */
  what: string;
  /** What Chronos reads an explicit null as (chronosNullReadings.ts). */
  nullReads: string;
  /** What to write. */
  instead: string;
}

const text = 'the text "null"';

export const chronosMissingReadings: readonly MissingReading[] = [
  { path: '/environmentVariables/*', key: 'name', line: 206, what: 'environment variable', nullReads: text, instead: 'Add the variable\'s "name".' },
  { path: '/environmentVariables/*', key: 'value', line: 207, what: 'environment variable', nullReads: text, instead: 'Add its "value" ("" for an empty one).' },
  { path: '/container/volumes/*/external/options/*', key: 'key', line: 258, what: 'external volume option', nullReads: text, instead: 'Add the option\'s "key".' },
  { path: '/container/volumes/*/external/options/*', key: 'value', line: 259, what: 'external volume option', nullReads: text, instead: 'Add the option\'s "value".' },
  { path: '/container/networkInfos/*', key: 'name', line: 306, what: 'network', nullReads: text, instead: 'Add the "name" of the network to join, e.g. "dcos".' },
  { path: '/container/networkInfos/*/labels/*', key: 'key', line: 318, what: 'network label', nullReads: text, instead: 'Add the label\'s "key".' },
  { path: '/container/networkInfos/*/labels/*', key: 'value', line: 318, what: 'network label', nullReads: text, instead: 'Add the label\'s "value".' },
  { path: '/container/networkInfos/*/portMappings/*', key: 'hostPort', line: 330, what: 'port mapping', nullReads: '0', instead: 'Add "hostPort", the port on the agent.' },
  { path: '/container/networkInfos/*/portMappings/*', key: 'containerPort', line: 331, what: 'port mapping', nullReads: '0', instead: 'Add "containerPort", the port the task listens on.' },
  { path: '/container/parameters/*', key: 'key', line: 353, what: 'Docker parameter', nullReads: text, instead: 'Add the parameter\'s "key", e.g. "label".' },
  { path: '/container/parameters/*', key: 'value', line: 353, what: 'Docker parameter', nullReads: text, instead: 'Add the parameter\'s "value".' },
];

export interface ChronosMissing {
  /** Pointer of the object that lacks the key. */
  pointer: string;
  reading: MissingReading;
}

/**
 * The objects Chronos reads (list items it matches as objects: `case node: ObjectNode`; the container only when it
 * has an `image`) that lack a key of the table. A list that is not an array is never iterated here: its null is
 * chronosNullReadings' and any other shape the schema's.
 */
export function chronosMissingOf(job: JsonObject): ChronosMissing[] {
  const out: ChronosMissing[] = [];
  for (const reading of chronosMissingReadings) {
    if (reading.path.startsWith('/container/') && !chronosReadsContainer(job.container)) continue;
    for (const { pointer, value } of objectsAt(job, reading.path.split('/').slice(1), '')) {
      if (!(reading.key in value)) out.push({ pointer, reading });
    }
  }
  return out;
}

function objectsAt(value: unknown, tokens: readonly string[], pointer: string): { pointer: string; value: JsonObject }[] {
  if (tokens.length === 0) return isObject(value) ? [{ pointer, value }] : [];
  const [head, ...rest] = tokens;
  if (head === '*') return Array.isArray(value) ? value.flatMap((v, i) => objectsAt(v, rest, `${pointer}/${i}`)) : [];
  return isObject(value) ? objectsAt(value[head], rest, `${pointer}/${head}`) : [];
}
