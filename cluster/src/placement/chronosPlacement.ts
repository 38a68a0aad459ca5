/**
 * Which agents Chronos could run a job on, as Chronos decides (not Marathon: chronos-job.md §2). Its constraints are read
 * by JobDeserializer (`c.get(1).asText` matched exactly against EQUALS, LIKE, UNLIKE; any other operator dropped without a
 * word) and checked per offer by ConstraintChecker over the agent's attributes, plus a `hostname` text attribute when the
 * agent has none of that name (mesos/chronos `scheduler/mesos/ConstraintChecker.scala`, `jobs/constraints/*.scala`):
 *  - EQUALS: some attribute of that name has that *text* value (a scalar's or a range's text is "");
 *  - LIKE / UNLIKE: the first attribute of that name fully matches (does not match) the Java regex: a scalar as Java's
 *    Double.toString writes it (`10.0`), text as it is; ranges never pass either; a missing attribute passes neither.
 * Chronos registers without the REGION_AWARE capability (`SchedulerDriverBuilder.scala` sets none), so the master offers
 * it only agents in its own region or without a domain (mesos-master-api.md §4). Not evaluated here: Chronos's own role
 * (`--mesos_role`, not reported anywhere this tool reads) and resource amounts. Pure: no I/O, never throws.
 */
import { agentRegion, type AttributeJson, type MesosAgent } from '../mesos/agent';
import type { Placement, AgentPlacement } from './candidates';
import { javaFullMatch } from './javaPattern';

type ChronosOperator = 'EQUALS' | 'LIKE' | 'UNLIKE';

interface ChronosConstraint {
  attribute: string;
  operator: ChronosOperator;
  value: string;
  text: string;
}

const OPERATORS: readonly string[] = ['EQUALS', 'LIKE', 'UNLIKE'];

/** The job's constraints as Chronos keeps them; entries Chronos drops or fails on are said, not kept. */
function parseChronosConstraints(raw: unknown): { constraints: ChronosConstraint[]; problems: string[]; dropped: string[] } {
  const out = { constraints: [] as ChronosConstraint[], problems: [] as string[], dropped: [] as string[] };
  if (raw === undefined || raw === null) return out;
  if (!Array.isArray(raw)) return { ...out, problems: ['constraints is not an array of [attribute, OPERATOR, value]; run marathon-lint for the exact rule'] };
  raw.forEach((c, i) => {
    const text = JSON.stringify(c);
    // `c.get(1).asText` of anything but those three strings (another operator, a number, null) matches no case: dropped.
    if (Array.isArray(c) && c.length >= 2 && !(typeof c[1] === 'string' && OPERATORS.includes(c[1]))) return void out.dropped.push(text);
    if (!Array.isArray(c) || c.length < 3 || typeof c[0] !== 'string' || typeof c[1] !== 'string' || typeof c[2] !== 'string') {
      return void out.problems.push(`constraints/${i} ${text} is not [attribute, "EQUALS"|"LIKE"|"UNLIKE", value] with strings: Chronos fails reading the job (HTTP 500) or compares something else; run marathon-lint for the exact rule`);
    }
    // LikeConstraint and UnlikeConstraint compile their value (`value.r`) as the job is read: a bad one refuses the job.
    const compiled = c[1] === 'EQUALS' ? undefined : javaFullMatch(c[2], '');
    if (compiled && 'refused' in compiled) return void out.problems.push(`constraints/${i} ${text}: ${JSON.stringify(c[2])} is not a valid Java regular expression (${compiled.refused}), so Chronos refuses the job`);
    out.constraints.push({ attribute: c[0], operator: c[1] as ChronosOperator, value: c[2], text });
  });
  return out;
}

/**
 * Scala's `Double.toString` (Java's) for the scalars an agent attribute holds (Mesos keeps three decimals): `10.0`,
 * `2.5`. Outside [0.001, 10^7), or with more decimals, Java's digits are not reproduced here: undefined.
 */
function javaDoubleText(x: number): string | undefined {
  const abs = Math.abs(x);
  if (!Number.isFinite(x) || abs >= 1e7 || Math.abs(Math.round(x * 1000) - x * 1000) > 1e-6) return undefined;
  if (Number.isInteger(x)) return `${Object.is(x, -0) ? '-0' : x}.0`;
  return abs >= 1e-3 ? String(x) : undefined;
}

/** The agent's attributes as an offer lists them (Mesos JSON: number = scalar, `[` = ranges, `{` = set, else text). */
function offerAttributes(agent: MesosAgent): [string, AttributeJson][] {
  const attrs = Object.entries(agent.attributes ?? {}).filter((a): a is [string, AttributeJson] => typeof a[1] === 'number' || typeof a[1] === 'string');
  return attrs.some(([n]) => n === 'hostname') ? attrs : [...attrs, ['hostname', agent.hostname]];
}

const isText = (v: AttributeJson): v is string => typeof v === 'string' && !v.startsWith('[') && !v.startsWith('{');

/** One constraint on one agent: passes, fails with why, or cannot be told (`undecided`). */
function checkChronos(c: ChronosConstraint, agent: MesosAgent): { pass: boolean; reason: string; undecided?: true } {
  const attrs = offerAttributes(agent);
  if (c.operator === 'EQUALS') {
    const pass = attrs.some(([n, v]) => n === c.attribute && (isText(v) ? v : '') === c.value);
    const texts = attrs.filter(([n]) => n === c.attribute).map(([, v]) => (isText(v) ? JSON.stringify(v) : `${JSON.stringify(v)} (not text: Chronos compares "")`));
    return { pass, reason: texts.length ? `${c.attribute} is ${texts.join(', ')}` : `the agent has no attribute "${c.attribute}"` };
  }
  const first = attrs.find(([n]) => n === c.attribute);
  if (!first) return { pass: false, reason: `the agent has no attribute "${c.attribute}", which Chronos's ${c.operator} never passes` };
  const v = first[1];
  if (typeof v === 'string' && v.startsWith('[')) return { pass: false, reason: `${c.attribute} is the ranges ${v}, which Chronos's ${c.operator} never passes` };
  const items = typeof v === 'number' ? [javaDoubleText(v)] : v.startsWith('{') ? v.slice(1, -1).split(',').map((s) => s.trim()) : [v];
  if (items.includes(undefined)) return { pass: false, undecided: true, reason: `${c.attribute} is the scalar ${v}, whose text in Chronos (Java's Double.toString) this tool does not reproduce` };
  const matches = items.map((s) => javaFullMatch(c.value, s!));
  const bad = matches.find((m) => !('match' in m));
  if (bad && 'unsupported' in bad) return { pass: false, undecided: true, reason: `"${c.value}" is not a regular expression this tool can evaluate: ${bad.unsupported}` };
  // No reference names the JVM Chronos runs on: Java 8 refuses the job as it reads it, Java 9+ does not.
  if (bad && 'java8Refuses' in bad) {
    const { java8Says, construct } = bad.java8Refuses;
    return { pass: false, undecided: true, reason: `${JSON.stringify(c.value)}: Java 8 says ${JSON.stringify(java8Says)} at ${JSON.stringify(construct)} and Java 9+ accepts it: whether Chronos takes the job depends on the JVM it runs on` };
  }
  const m = matches.some((x) => 'match' in x && x.match); // a refused pattern never gets here (parseChronosConstraints)
  const shown = typeof v === 'number' ? items[0]! : v;
  return { pass: c.operator === 'LIKE' ? m : !m, reason: `${c.attribute} is ${JSON.stringify(shown)}, which ${m ? 'matches' : 'does not match'} ${c.value}` };
}

/**
 * Where Chronos could run `job` (its `constraints`), among `agents`; `masterRegion` as for placeApp (candidates.ts).
 * `notes`: what is decided but worth saying (constraints Chronos drops). As in placeApp, a check that cannot be told
 * is `undecided` only for an agent no decided check left out.
 */
export function placeChronosJob(job: { constraints?: unknown }, agents: readonly MesosAgent[], options: { masterRegion?: string; masterRegionUnknown?: string } = {}): Placement & { notes: string[] } {
  const { constraints, problems, dropped } = parseChronosConstraints(job.constraints);
  const undecided = new Set<string>();
  const notes = dropped.length ? [`Chronos drops the constraints ${dropped.join(', ')} without a word (it understands only EQUALS, LIKE and UNLIKE), so they do not narrow where the job runs`] : [];
  const placed: AgentPlacement[] = agents.map((agent) => {
    const reasons: string[] = [];
    if (agent.active === false) reasons.push('is not active (disconnected, deactivated or draining)');
    const region = agentRegion(agent);
    if (options.masterRegion !== undefined && region !== undefined && region !== options.masterRegion) {
      reasons.push(`is in region ${JSON.stringify(region)}, not the master's ${JSON.stringify(options.masterRegion)}; the master offers a framework that is not region-aware, as Chronos is, only agents of its own region`);
    }
    let decidedOut = reasons.length > 0;
    const pending: string[] = [];
    for (const c of constraints) {
      const r = checkChronos(c, agent);
      if (r.pass) continue;
      reasons.push(`${c.text}: ${r.reason}`);
      if (r.undecided) pending.push(`${c.text}: ${r.reason}`);
      else decidedOut = true;
    }
    if (!decidedOut) for (const p of pending) undecided.add(p);
    return { agent, candidate: reasons.length === 0, reasons };
  });
  // Unlike a Marathon app, a job cannot opt out of the region rule: any agent with a region may lie outside the master's.
  const regions = [...new Set(agents.map(agentRegion).filter((r): r is string => r !== undefined))];
  if (options.masterRegion === undefined && options.masterRegionUnknown !== undefined && regions.length > 0) {
    undecided.add(`the Mesos master's region is unknown (${options.masterRegionUnknown}) while agents are in region ${regions.join(', ')}: the master offers Chronos (not region-aware) only agents of its own region, so the region rule was not applied`);
  }
  return { agents: placed, candidates: placed.filter((a) => a.candidate).map((a) => a.agent), problems, undecided: [...undecided], notes };
}
