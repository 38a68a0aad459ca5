/**
 * What Test mount says when no candidate agent runs a bridge, in the terms of the scheduler that places the workload:
 * Marathon for an app (its constraints, roles, the master's region), Chronos for a Chronos job (its EQUALS, LIKE and
 * UNLIKE constraints and the master's region: chronos-job.md §2; Chronos has no Marathon role, and Marathon does not
 * place it). Pure, so a test reads the very text the warning shows.
 */
import type { Candidates } from '@marathon-devtools/cluster/discovery/candidates';

export function noCandidateWarning(found: { candidates: Candidates; id: string; chronos: boolean }): string {
  const c = found.candidates;
  const tail = `${c.noBridge.length} candidates without a bridge). "Marathon: Show Output" says why for each.`;
  if (!found.chronos) return `No agent Marathon could place this app on runs a bridge (${c.excluded.length} agents excluded by its constraints, roles or region; ${tail}`;
  return `No agent Chronos could run the job ${found.id} on runs a bridge (${c.excluded.length} agents excluded by its EQUALS, LIKE or UNLIKE constraints or the Mesos master's region; ${tail}`;
}
