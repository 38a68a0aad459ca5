/**
 * What Chronos makes of an explicit JSON `null`, field by field. Chronos reads a job with Jackson's tree API in
 * JobDeserializer.scala (mesos/chronos@c1348ddfd8; "L" numbers below are its lines), on Jackson 2.7.2 (chaos 0.8.7's
 * `V.Jackson`). For a null, Jackson keeps a NullNode in the object, so `has(f)` and `get(f) != null` (the only guards
 * JobDeserializer uses; it never calls isNull) are both true, and NullNode answers `asText()` "null",
 * `asBoolean()` false, `asInt()`/`asLong()`/`asDouble()` 0, `has(…)` false, `get(…)` Java null, and iterates as
 * nothing (jackson-databind 2.7.2 NullNode.java, JsonNode.java). chronos-job.md §2 lists the fields.
 *
 * `absent`: the same job as without the field; `reads`: Chronos accepts the job with a value nobody wrote
 * (chronos-null-value warns); `fails`: Chronos fails to read or rejects the job (chronos-null-fails).
 * A path names array items with `*`; paths under /container count only when Chronos reads the container.
 */
import { quoted } from '../quoted';

export type NullVerdict = 'absent' | 'reads' | 'fails';

export interface NullReading {
  path: string;
  verdict: NullVerdict;
  /** JobDeserializer.scala line that reads it. */
  line: number;
  /** `reads`: what Chronos reads the null as; `fails`: how it fails. */
  as?: string;
  /** `reads`: what that does; `fails`: Chronos's answer (HTTP status, and where it is given when not in JobDeserializer). */
  effect?: string;
  /** What to write instead. */
  instead?: string;
  /** Read only for a scheduled job (no "parents" key: JobDeserializer L384 looks for parents first). */
  scheduledOnly?: boolean;
  /** Read only when the constraint's operator is EQUALS, LIKE or UNLIKE (L371-378); others are dropped unread. */
  understoodConstraintOnly?: boolean;
}

const text = 'the text "null"';
const leaveOut = (key: string, then = '') => `Write the value you mean, or leave ${quoted(key)} out${then}.`;
const matchError = (line: number, path: string): NullReading => ({
  path,
  verdict: 'fails',
  line,
  as: 'Chronos matches every item of this list against an object (`case node: ObjectNode`) and fails with a scala.MatchError on a null',
  effect: 'HTTP 500',
  instead: 'Remove the null from the list.',
});
const absent = (line: number, ...paths: string[]): NullReading[] => paths.map((path) => ({ path, verdict: 'absent', line }));

export const chronosNullReadings: readonly NullReading[] = [
  // Numbers read with asDouble/asLong, where 0 already means "the default" (L123-152), and booleans whose default is false.
  ...absent(126, '/cpus'), ...absent(134, '/disk'), ...absent(142, '/mem'), ...absent(151, '/maxCompletionTime'),
  ...absent(84, '/disabled'), ...absent(89, '/concurrent'), ...absent(94, '/softError'), ...absent(100, '/dataProcessingJobType'),
  ...absent(214, '/highPriority'), ...absent(105, '/successCount'), ...absent(110, '/errorCount'), ...absent(157, '/errorsSinceLastSuccess'),
  // Lists iterated with `for (x <- node.path(…))` or `.elements()`: a NullNode has no elements.
  ...absent(162, '/uris'), ...absent(193, '/arguments'), ...absent(170, '/fetch'), ...absent(203, '/environmentVariables'), ...absent(370, '/constraints'),
  // `node.get("container").has("image")` is false on a NullNode: no container, as when it is left out.
  ...absent(223, '/container'),
  ...absent(180, '/fetch/*/executable'), ...absent(181, '/fetch/*/cache'),
  // Try("null".toBoolean) fails and gives false, the default.
  ...absent(284, '/container/forcePullImage'),
  ...absent(303, '/container/networkInfos'), ...absent(314, '/container/networkInfos/*/labels'), ...absent(326, '/container/networkInfos/*/portMappings'),
  ...absent(349, '/container/parameters'), ...absent(234, '/container/volumes'), ...absent(255, '/container/volumes/*/external/options'),

  { path: '/name', verdict: 'reads', line: 35, as: text, effect: 'so the job is named "null" (a valid name)', instead: 'Write the job\'s name, e.g. "nightly-report".' },
  { path: '/command', verdict: 'reads', line: 39, as: text, effect: 'so the job runs the command "null", which fails on the agent', instead: leaveOut('command') },
  { path: '/shell', verdict: 'reads', line: 44, as: 'false, not as its default true', effect: 'so "command" runs as an executable with "arguments", without /bin/sh -c', instead: 'Write true (or false if you mean it), or leave "shell" out for true.' },
  { path: '/executor', verdict: 'reads', line: 49, as: text, effect: 'so Chronos asks Mesos for a custom executor called "null" (MesosTaskBuilder.scala:82) and the task cannot start', instead: 'Leave "executor" out (or write "") to use the Mesos command executor.' },
  { path: '/executorFlags', verdict: 'reads', line: 54, as: text, effect: 'so a custom executor gets the flags "null"', instead: leaveOut('executorFlags') },
  { path: '/taskInfoData', verdict: 'reads', line: 59, as: text, effect: 'so a custom executor gets "null" as its data (MesosTaskBuilder.scala:325)', instead: leaveOut('taskInfoData') },
  { path: '/retries', verdict: 'reads', line: 64, as: '0, not as its default 2', effect: 'so a failed run is not retried', instead: leaveOut('retries', ' for 2 retries') },
  { path: '/owner', verdict: 'reads', line: 69, as: text, effect: 'so failure notices go to the address "null"', instead: leaveOut('owner') },
  { path: '/ownerName', verdict: 'reads', line: 74, as: text, effect: 'so the owner is shown as "null"', instead: leaveOut('ownerName') },
  { path: '/description', verdict: 'reads', line: 79, as: text, effect: 'so the description is "null"', instead: leaveOut('description') },
  { path: '/lastSuccess', verdict: 'reads', line: 115, as: text, effect: 'and later fails to parse it as the time of the last success (JobScheduler.scala:338, Exporter.scala:36)', instead: 'Leave "lastSuccess" out (or write "").' },
  { path: '/lastError', verdict: 'reads', line: 120, as: text, effect: 'and later fails to parse it as the time of the last error (JobScheduler.scala:362, Exporter.scala:37)', instead: 'Leave "lastError" out (or write "").' },
  { path: '/runAsUser', verdict: 'reads', line: 219, as: text, effect: 'so the task runs as the OS user "null" instead of Chronos\'s --user (MesosTaskBuilder.scala:117)', instead: leaveOut('runAsUser') },
  // L424 checks only has(): the zone "null" is unknown to java.util.TimeZone, which falls back to GMT (Iso8601Expressions.scala:73).
  { path: '/scheduleTimeZone', verdict: 'reads', line: 424, scheduledOnly: true, as: text, effect: 'a zone Java does not know, so the schedule\'s start is taken in GMT (Iso8601Expressions.scala:73)', instead: 'Write a zone such as "America/Los_Angeles", or leave "scheduleTimeZone" out.' },
  { path: '/uris/*', verdict: 'reads', line: 163, as: text, effect: 'so the agent is asked to fetch the URI "null"', instead: 'Write the URI, or remove the item.' },
  { path: '/arguments/*', verdict: 'reads', line: 194, as: text, effect: 'so the command gets the argument "null"', instead: 'Write the argument, or remove the item.' },
  { path: '/parents/*', verdict: 'reads', line: 386, as: text, effect: 'so the job waits for a parent job named "null", which is not in the job graph (JobGraph.scala:35), and never runs', instead: 'Write the parent job\'s name, or remove the item.' },
  { path: '/fetch/*/uri', verdict: 'reads', line: 176, as: text, effect: 'so the agent is asked to fetch "null"', instead: 'Write the URI to download.' },
  { path: '/fetch/*/output_file', verdict: 'reads', line: 184, as: text, effect: 'so the download is saved as a file called "null"', instead: leaveOut('output_file') },
  { path: '/fetch/*/extract', verdict: 'reads', line: 182, as: 'false, not as its default true', effect: 'so an archive is not extracted', instead: leaveOut('extract', ' to extract archives') },
  { path: '/environmentVariables/*/name', verdict: 'reads', line: 206, as: text, effect: 'so the task gets a variable called "null"', instead: 'Write the variable\'s name.' },
  { path: '/environmentVariables/*/value', verdict: 'reads', line: 207, as: text, effect: 'so the variable is set to "null", not left empty', instead: 'Write the value (or "" for an empty one).' },
  { path: '/constraints/*/0', verdict: 'reads', line: 373, understoodConstraintOnly: true, as: text, effect: 'so the constraint looks for an agent attribute called "null"', instead: 'Write the attribute, e.g. "hostname".' },
  { path: '/constraints/*/1', verdict: 'reads', line: 371, as: text, effect: 'an operator it does not know, so it drops the constraint without a word and the job may run on any agent', instead: 'Write "EQUALS", "LIKE" or "UNLIKE", or remove the constraint.' },
  { path: '/constraints/*/2', verdict: 'reads', line: 373, understoodConstraintOnly: true, as: text, effect: 'so the constraint compares the attribute with "null"', instead: 'Write the value to compare with.' },
  { path: '/container/image', verdict: 'reads', line: 358, as: text, effect: 'so the agent is asked to run the image "null" (has("image") is true for a null, so the container block is read)', instead: 'Write the image, e.g. "libmesos/ubuntu", or remove "container".' },
  { path: '/container/networkName', verdict: 'reads', line: 296, as: text, effect: 'so the job joins a network called "null"', instead: leaveOut('networkName') },
  { path: '/container/networkInfos/*/name', verdict: 'reads', line: 306, as: text, effect: 'so the job joins a network called "null"', instead: 'Write the network\'s name.' },
  { path: '/container/networkInfos/*/labels/*/key', verdict: 'reads', line: 318, as: text, effect: 'so the label is called "null"', instead: 'Write the label\'s key.' },
  { path: '/container/networkInfos/*/labels/*/value', verdict: 'reads', line: 318, as: text, effect: 'so the label\'s value is "null"', instead: 'Write the label\'s value.' },
  { path: '/container/networkInfos/*/portMappings/*/hostPort', verdict: 'reads', line: 330, as: '0', effect: 'so the port mapping uses host port 0', instead: 'Write the host port.' },
  { path: '/container/networkInfos/*/portMappings/*/containerPort', verdict: 'reads', line: 331, as: '0', effect: 'so the port mapping uses container port 0', instead: 'Write the container port.' },
  { path: '/container/networkInfos/*/portMappings/*/protocol', verdict: 'reads', line: 334, as: text, effect: 'so the port mapping\'s protocol is "null"', instead: leaveOut('protocol') },
  { path: '/container/parameters/*/key', verdict: 'reads', line: 353, as: text, effect: 'so docker run gets the option --null', instead: 'Write the docker run option, e.g. "label".' },
  { path: '/container/parameters/*/value', verdict: 'reads', line: 353, as: text, effect: 'so the docker run option gets the value "null"', instead: 'Write the option\'s value.' },
  { path: '/container/volumes/*/containerPath', verdict: 'reads', line: 274, as: text, effect: 'so the volume is mounted at the container path "null"', instead: 'Write the path inside the container, e.g. "/data".' },
  { path: '/container/volumes/*/hostPath', verdict: 'reads', line: 239, as: text, effect: 'so the agent mounts the host path "null"', instead: leaveOut('hostPath') },
  { path: '/container/volumes/*/external/name', verdict: 'reads', line: 267, as: text, effect: 'so the Docker volume is called "null"', instead: 'Write the volume\'s name.' },
  { path: '/container/volumes/*/external/provider', verdict: 'reads', line: 268, as: text, effect: 'so Mesos looks for a Docker volume driver called "null"', instead: 'Write the Docker volume driver, e.g. "rexray".' },
  { path: '/container/volumes/*/external/options/*/key', verdict: 'reads', line: 258, as: text, effect: 'so the driver gets an option called "null"', instead: 'Write the option\'s key.' },
  { path: '/container/volumes/*/external/options/*/value', verdict: 'reads', line: 259, as: text, effect: 'so the driver option is set to "null"', instead: 'Write the option\'s value.' },

  {
    path: '/schedule', verdict: 'fails', line: 427, scheduledOnly: true,
    as: 'Chronos reads it as the schedule "null" (has("schedule") is true for a null) and rejects the job with "Cannot parse schedule \'null\' (wtf bro)"',
    effect: 'HTTP 400, Iso8601JobResource.scala:43',
    instead: 'Write a schedule such as "R/2024-01-01T02:00:00Z/P1D", or leave "schedule" out to run the job once now.',
  },
  {
    path: '/parents', verdict: 'fails', line: 384,
    as: 'has("parents") is true for a null, so Chronos makes this a dependent job with no parents and rejects it with "Error, parent does not exist"',
    effect: 'HTTP 500, DependentJobResource.scala:42',
    instead: 'List the jobs it runs after, e.g. ["nightly-export"], or remove "parents" and give a "schedule".',
  },
  {
    path: '/constraints/*', verdict: 'fails', line: 371,
    as: 'Chronos reads the operator of every constraint with c.get(1), which is a Java null on a null, and fails with a NullPointerException',
    effect: 'HTTP 500', instead: 'Remove the null, or write the constraint as [attribute, "EQUALS", value].',
  },
  matchError(173, '/fetch/*'), matchError(205, '/environmentVariables/*'), matchError(237, '/container/volumes/*'),
  matchError(305, '/container/networkInfos/*'), matchError(317, '/container/networkInfos/*/labels/*'),
  matchError(329, '/container/networkInfos/*/portMappings/*'), matchError(352, '/container/parameters/*'),
  matchError(257, '/container/volumes/*/external/options/*'),
  {
    path: '/container/type', verdict: 'fails', line: 290,
    as: 'Chronos reads it as the container type "NULL" (ContainerType.withName) and fails with an exception', effect: 'HTTP 500',
    instead: 'Write "DOCKER" or "MESOS", or leave "type" out for DOCKER.',
  },
  {
    path: '/container/network', verdict: 'fails', line: 227,
    as: 'Chronos reads it as the network "null" (NetworkMode.withName) and fails with an exception', effect: 'HTTP 500',
    instead: 'Write "BRIDGE", "HOST" or "USER", or leave "network" out for HOST.',
  },
  {
    path: '/container/networkInfos/*/protocol', verdict: 'fails', line: 309,
    as: 'Chronos reads it as the protocol "null" (ProtocolType.withName) and fails with an exception', effect: 'HTTP 500',
    instead: 'Write "IPv4" or "IPv6", or leave "protocol" out.',
  },
  {
    path: '/container/volumes/*/mode', verdict: 'fails', line: 244,
    as: 'Chronos reads it as the mode "NULL" (VolumeMode.withName) and fails with an exception', effect: 'HTTP 500',
    instead: 'Write "RW" or "RO", or leave "mode" out.',
  },
  {
    path: '/container/volumes/*/external', verdict: 'fails', line: 267,
    as: 'has("external") is true for a null, so Chronos reads the volume\'s name from it with get("name"), a Java null, and fails with a NullPointerException',
    effect: 'HTTP 500', instead: 'Write {"name": …, "provider": …}, or leave "external" out for a host volume.',
  },
];
