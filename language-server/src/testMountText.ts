/**
 * What a dry run's outcome says to a user, shared by every client that shows one (the VS Code extension and
 * the language server's own `marathon.testMount` for other editors), so both say the same thing. Pure text;
 * the shapes are the wire protocol's (schema/dvdi-bridge-protocol.schema.json), reduced to what is read here.
 */
import type { DryRunMountResult as WireResult } from '@marathon-devtools/schema/generated/dvdi-bridge-protocol';

type Verdict = WireResult['verdict'];
interface DryRunOutcome {
  verdict: Verdict;
  mountpoint?: string;
  steps: { ok: boolean; detail?: string }[];
}

const verdictText: Record<Verdict, string> = {
  'mounted-and-released': 'mounted and released',
  'would-create': 'does not exist yet: a task would create it',
  'in-use': 'is in use on the agent: left untouched',
  refused: 'was refused by the agent',
  failed: 'failed to mount',
};

/** One line: the volume, the agent, the verdict, where it was mounted or why it failed. */
export function verdictSentence(volume: string, agent: string, r: DryRunOutcome, ms: number): string {
  const where = r.mountpoint ? ` at ${r.mountpoint}` : '';
  const failedStep = r.steps.find((s) => !s.ok);
  const detail = r.verdict === 'mounted-and-released' ? ` (${ms} ms)` : failedStep?.detail ? `: ${failedStep.detail}` : '';
  return `Volume ${volume} on ${agent} ${verdictText[r.verdict]}${where}${detail}`;
}

/** The agent has no plugin of this name: say which drivers it has, rather than fail at discovery. */
export function missingDriverMessage(agent: string, info: { drivers: { name: string }[] }, driver: string): string | undefined {
  if (info.drivers.some((d) => d.name === driver)) return undefined;
  const have = info.drivers.map((d) => d.name);
  return (
    `Agent ${agent} has no volume driver "${driver}"; its drivers: ${have.length ? have.join(', ') : 'none'}. ` +
    (have.length ? `Set "dvdi/driver" to one of them to test here, or test on an agent that runs ${driver}.` : `Install the ${driver} plugin on the agent, or test on another agent.`)
  );
}

/** A would-create answer to a request that asked to create: the token's policy does not allow it. */
export function createRefusedMessage(volume: string, driver: string, agent: string): string {
  return `Volume ${volume} does not exist on ${agent}, and this token's policy there does not allow creating volumes (allowCreate). Create it on the agent (docker volume create -d ${driver} ${volume}) and test again.`;
}

/** A pasted token or a whole `name:token` line of a --token-file, read as the bridge reads that file (security/tokens.ts). */
export function tokenFromLine(value: string): { token: string; tokenName?: string } {
  const line = value.trim();
  const colon = line.indexOf(':');
  if (colon > 0 && /^[A-Za-z0-9_.-]{1,64}$/.test(line.slice(0, colon))) return { token: line.slice(colon + 1), tokenName: line.slice(0, colon) };
  return { token: line };
}
