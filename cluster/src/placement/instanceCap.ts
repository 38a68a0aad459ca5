/**
 * How many instances of a one-per-agent app Marathon can place on its matching agents when another constraint counts
 * the instances already placed (Constraints.scala: UNIQUE, MAX_PER, GROUP_BY, CLUSTER without a value; summarised in
 * ../shared/reference/mesos-master-api.md §5). Marathon places one instance per offer against the instances placed
 * so far (TaskLauncherActor.scala `reachableInstances`: scheduled instances are not among them), never moving one,
 * so more instances than this leave a deployment that never finishes (Marathon issue #846). Pure.
 */
import type { MesosAgent } from '../mesos/agent';
import { checkConstraint, constraintText, groupByMinimum, type PlacementConstraint } from './constraints';
import { fieldValue } from './fieldValue';

/** Constraints whose verdict depends on the instances already placed. */
export const dependsOnPlaced = (c: PlacementConstraint): boolean =>
  c.operator === 'UNIQUE' || c.operator === 'MAX_PER' || c.operator === 'GROUP_BY' || (c.operator === 'CLUSTER' && (c.value === undefined || c.value === ''));

/**
 * `agents`: the agents that pass every constraint with nothing placed (one instance each); `constraints`: those
 * that depend on placed instances. The count, or why it depends on the order in which Marathon gets offers.
 */
export function instanceCap(agents: readonly MesosAgent[], constraints: readonly PlacementConstraint[]): { count: number } | { undecided: string } {
  if (constraints.length === 0 || agents.length === 0) return { count: agents.length };
  if (constraints.length > 1) {
    return { undecided: `${constraints.map(constraintText).join(' and ')} each count the instances already placed, so how many Marathon can place depends on which agents it gets offers from first; keep one of them, or set instances by hand` };
  }
  const c = constraints[0];
  if (c.operator === 'CLUSTER') {
    // Every instance goes where the first one's value is: the count is the size of that value's group.
    const sizes = new Map<string | undefined, number>();
    for (const a of agents) sizes.set(fieldValue(a, c.field), (sizes.get(fieldValue(a, c.field)) ?? 0) + 1);
    const distinct = [...new Set(sizes.values())];
    if (distinct.length === 1) return { count: distinct[0] };
    const groups = [...sizes].map(([v, n]) => `${v ?? '(none)'}: ${n}`).join(', ');
    return { undecided: `${constraintText(c)} puts every instance where the first instance's ${c.field} is, and the matching agents per ${c.field} differ (${groups}), so the count depends on which agent gets the first instance; give the constraint a value, or set instances by hand` };
  }
  if (c.operator === 'GROUP_BY') return { count: groupByCount(agents, c) };
  // UNIQUE, MAX_PER: place wherever the constraint allows until no agent does. The order of offers changes which agents
  // are used, not how many (each value takes min(its agents, the cap)).
  const placed: MesosAgent[] = [];
  const free = new Set(agents);
  for (let progress = true; progress; ) {
    progress = false;
    for (const a of free) {
      if (!checkConstraint(c, a, placed).pass) continue;
      placed.push(a);
      free.delete(a);
      progress = true;
    }
  }
  return { count: placed.length };
}

/**
 * GROUP_BY (Constraints.scala checkGroupBy): a value not placed yet always passes; a placed one only while at least
 * `minimum` values are placed and its count is the smallest. How far a value grows depends on the order of offers (a
 * value offered first grows alone, while it is the only one placed), and so does where Marathon gets stuck: when every
 * value with an agent left has more instances than the smallest count, which only a value out of agents can hold. The
 * fewest Marathon can be stuck at, so the count every order reaches: all values once, and fewer than `minimum` values
 * stop there; else the smallest value full (s) and every other at s + 1 or full, reached by offers that keep the values
 * even. Agents are one instance each (hostname:UNIQUE beside it).
 */
function groupByCount(agents: readonly MesosAgent[], c: PlacementConstraint): number {
  const sizes = new Map<string | undefined, number>();
  for (const a of agents) sizes.set(fieldValue(a, c.field), (sizes.get(fieldValue(a, c.field)) ?? 0) + 1);
  if (sizes.size < groupByMinimum(c)) return sizes.size;
  const smallest = Math.min(...sizes.values());
  return [...sizes.values()].reduce((sum, n) => sum + Math.min(n, smallest + 1), 0);
}

