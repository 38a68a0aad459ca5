/**
 * `dvdi-bridge dry-run --app FILE --marathon URL --mesos URL [--bridge-app /dvdi-bridge] [--all] [--json]`:
 * Test mount where the app will run (or a Chronos job: where Chronos could run it, discovery/candidates.ts). The bridges are found through Marathon (the bridge app's tasks) and the
 * Mesos master (agents, attributes, fault domains); the candidates are the agents Marathon could place the app
 * on (cluster/placement) that run a bridge; each external volume is dry-run on one candidate, or on all of them
 * with bounded concurrency (client/candidateRuns.ts).
 */
import { readFileSync } from 'node:fs';
import { MesosMasterClient } from '../mesos/client';
import { bridgeScheme, joinBridges } from '../discovery/bridges';
import { candidateBridges, chronosCandidateBridges } from '../discovery/candidates';
import { createDocument } from '@marathon-devtools/language-server/features/document';
import { findMountTargets } from '@marathon-devtools/language-server/features/testMount';
import { collectApps } from '@marathon-devtools/language-server/model/documentModel';
import { jacksonText } from '@marathon-devtools/language-server/project/jacksonBytes';
import { OK_VERDICTS, runOnCandidates, summarizeRuns, type VolumeUnderTest, type CandidateRun } from '@marathon-devtools/agent-bridge/client/candidateRuns';
import { parseFlags, UsageError } from '@marathon-devtools/agent-bridge/cli/args';
import { readClientToken } from '@marathon-devtools/agent-bridge/cli/clientToken';
import { marathonApps } from '../discovery/marathonApps';
import { groupBodyChain, resolveAppRole, roleFacts, type AppSource } from '../placement/marathonRole';
import { absoluteAppId, CLUSTER_FLAGS, readClusterFlags } from './clusterFlags';

const CLUSTER_DRY_RUN_FLAGS = { ...CLUSTER_FLAGS, app: 'string', 'bridge-app': 'string', all: 'bool', json: 'bool', 'token-file': 'string', 'token-name': 'string', ca: 'string', concurrency: 'string' } as const;

interface AppUnderTest {
  id: string;
  spec: Record<string, unknown>;
  /** Its absolute id and the group body listing it: which role Marathon gives it (placement/marathonRole.ts). */
  source: AppSource;
  volumes: VolumeUnderTest[];
  /** A Chronos job: Chronos places it, by its own constraints (chronosCandidateBridges), not Marathon. */
  chronos?: true;
}

/** The app file → each app with its external volumes, exactly as the code lens finds them. */
function readApps(path: string): AppUnderTest[] {
  let text: string;
  try {
    // As Marathon (Jackson) and marathon-lint read it: a byte-order mark skipped, UTF-16/32 decoded.
    text = jacksonText(readFileSync(path));
  } catch (e) {
    throw new UsageError(`dry-run: --app ${path}: cannot read it (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  try {
    JSON.parse(text);
  } catch (e) {
    throw new UsageError(`dry-run: --app ${path} is not JSON (${(e as Error).message}); run marathon-lint ${path} for the position`);
  }
  const doc = createDocument(`file://${path}`, 0, text);
  const targets = findMountTargets(doc);
  // The kind is core/kind.ts's, as for marathon-lint and the editor's Test mount lens on the same file.
  if (doc.kind === 'chronos-job') {
    const job = doc.value as Record<string, unknown>;
    const volumes = targets.map((t) => ({ pointer: t.pointer, ...t.args.volume, engine: t.args.engine }));
    return [{ id: typeof job.name === 'string' ? job.name : '(no name)', spec: job, source: {}, volumes, chronos: true }];
  }
  // A batch element is a partial update: without the deployed app's fields the placement would judge only half an app.
  const what = doc.kind === 'unknown' ? 'not a Marathon app, group or Chronos job' : doc.kind === 'apps' ? 'a batch of apps (PUT /v2/apps), whose elements are partial updates' : `a ${doc.kind}`;
  if (doc.kind !== 'app' && doc.kind !== 'group') throw new UsageError(`dry-run: --app ${path} is ${what}; give a Marathon app (or group) or a Chronos job definition`);
  return collectApps(doc.value, doc.kind).map((a) => ({
    id: a.absoluteId ?? '(no id)',
    spec: a.app,
    source: { absoluteId: a.absoluteId, chain: groupBodyChain(doc.value, a.pointer) },
    volumes: targets
      .filter((t) => t.pointer.startsWith(a.pointer + '/'))
      .map((t) => ({ pointer: t.pointer, ...t.args.volume, engine: t.args.engine })),
  }));
}

const pad = (s: string, n: number) => s.padEnd(n);

/**
 * Why no agent can take the app, on stderr, where a `--json` run says it too (its stdout is only the runs): each agent
 * left out with the checks it fails, the constraints written as in the app, the first few of them on a big cluster;
 * `undecided`: some check could not be evaluated, so "none can" would claim what is not known.
 */
function noCandidate(agents: number, excluded: { hostname: string; reasons: string[] }[], refused: boolean, undecided: boolean, scheduler: 'Marathon' | 'Chronos'): string {
  if (agents === 0) return 'the Mesos master lists no agents, so nothing was tested';
  if (excluded.length === 0) return `${refused ? `${scheduler} would not run it (above)` : 'no agent can take it'}, so nothing was tested`;
  const shown = excluded.slice(0, 5).map((e) => `${e.hostname}: ${e.reasons.join('; ')}`);
  const more = excluded.length > shown.length ? `; … and ${excluded.length - shown.length} more agents` : '';
  // A check this tool could not evaluate (warned above) leaves agents out without saying Marathon would.
  const none = undecided ? `no agent of the ${agents} is known to take it (see the warning above)` : agents === 1 ? 'the only agent cannot take it' : `none of the ${agents} agents can take it`;
  return `${none}, so nothing was tested: ${shown.join('; ')}${more}`;
}

export async function clusterDryRun(argv: string[]): Promise<number> {
  // Ctrl-C from the first instant: before the dry runs nothing is mounted, so stop; during them, ask every bridge
  // to cancel (each unmounts before it answers) and report what they said.
  const abort = new AbortController();
  let running = false;
  const onSigint = () => {
    if (!running) {
      process.stderr.write('dry-run: interrupted before any dry run started; nothing was mounted\n');
      process.exit(130);
    }
    process.stderr.write('dry-run: interrupted; asking the bridges to cancel (they unmount before answering)…\n');
    abort.abort();
  };
  process.on('SIGINT', onSigint);
  try {
    return await clusterDryRunInner(argv, abort.signal, () => (running = true));
  } finally {
    process.off('SIGINT', onSigint);
  }
}

async function clusterDryRunInner(argv: string[], signal: AbortSignal, startRuns: () => void): Promise<number> {
  const f = parseFlags(argv, { ...CLUSTER_DRY_RUN_FLAGS }, 'dry-run');
  const appFile = f.strings.get('app')!;
  const flags = readClusterFlags(f, 'dry-run');
  const bridgeApp = absoluteAppId('dry-run', 'bridge-app', f.strings.get('bridge-app') ?? '/dvdi-bridge');
  const tokenFile = f.strings.get('token-file');
  if (!tokenFile) throw new UsageError('dry-run: --token-file FILE (the bridges\' token) is required');
  const token = readClientToken(tokenFile, f.strings.get('token-name'));
  const concurrency = Number(f.strings.get('concurrency') ?? 4);
  if (!(Number.isInteger(concurrency) && concurrency >= 1 && concurrency <= 64)) throw new UsageError('dry-run: --concurrency must be an integer from 1 to 64');
  const caPath = f.strings.get('ca');
  let bridgeCa: Buffer | undefined;
  if (caPath) {
    try {
      bridgeCa = readFileSync(caPath);
    } catch (e) {
      throw new UsageError(`dry-run: --ca ${caPath}: ${(e as Error).message}`);
    }
  }
  const apps = readApps(appFile);
  const json = f.bools.has('json');
  const err = (s: string) => process.stderr.write(s + '\n');
  const testable = apps.filter((a) => a.volumes.length > 0);
  if (testable.length === 0) {
    err(`dry-run: ${appFile} has no external volumes (container.volumes[].external or DVDI_VOLUME_* env); nothing to test`);
    if (json) process.stdout.write('[]\n');
    return 0;
  }

  const marathon = marathonApps(flags.marathon);
  const mesos = new MesosMasterClient({ url: flags.mesosUrl, authorization: flags.authorization, ca: flags.ca, timeoutMs: flags.timeoutMs });
  const [bridgeSpec, tasks, slaves, region, features, rootGroup] = await Promise.all([marathon.getApp(bridgeApp), marathon.getAppTasks(bridgeApp), mesos.getAgents(), mesos.getMasterRegion().then((name) => ({ name }), (e: Error) => ({ name: undefined, unknown: e.message })), marathon.getFeatures(), marathon.getRootGroup()]);
  const facts = roleFacts(features, rootGroup);
  const discovery = joinBridges(tasks, slaves.slaves, bridgeScheme(bridgeSpec));
  for (const s of discovery.skipped) err(`dry-run: bridge task ${s.taskId} on ${s.host} skipped: ${s.why}`);

  const all: CandidateRun[] = [];
  let exit = 0;
  startRuns();
  for (const app of testable) {
    const regionUnknown = 'unknown' in region ? region.unknown : undefined;
    const { candidates: withBridge, noBridge, excluded, problems, undecided, roleNote, notes = [] } = app.chronos
      ? chronosCandidateBridges(app.spec, slaves.slaves, discovery.bridges, region.name, regionUnknown)
      : candidateBridges(app.spec, slaves.slaves, discovery.bridges, region.name, regionUnknown, 'features' in features ? features.features : undefined, 'version' in features ? features.version : undefined, flags.acceptedRolesDefault, resolveAppRole(app.spec, app.source, facts));
    const scheduler = app.chronos ? 'Chronos' : 'Marathon';
    if (app.chronos) err(`dry-run: ${app.id}: a Chronos job: the candidates are the agents Chronos could run it on (its EQUALS, LIKE and UNLIKE constraints, the master's region), not Marathon's placement; Chronos's own role (--mesos_role) is not known here and not checked`);
    if (roleNote !== undefined) err(`dry-run: ${app.id}: ${roleNote}`);
    for (const n of notes) err(`dry-run: ${app.id}: ${n}`);
    for (const p of problems) err(`dry-run: ${app.id}: ${p}`);
    for (const u of undecided) err(`dry-run: ${app.id}: warning: ${u}; the candidates may include agents ${scheduler} would not use, or miss some`);
    if (!json) {
      process.stdout.write(`${app.id}: ${withBridge.length} candidate agent${withBridge.length === 1 ? '' : 's'} with a bridge (of ${slaves.slaves.length} agents)\n`);
      for (const e of excluded) process.stdout.write(`  not a candidate: ${e.hostname}: ${e.reasons.join('; ')}\n`);
      for (const h of noBridge) process.stdout.write(`  no bridge on candidate ${h} (${bridgeApp} has no running task there; run dvdi-bridge scale)\n`);
    }
    if (withBridge.length === 0) {
      err(`dry-run: ${app.id}: ${noBridge.length > 0 ? `no agent ${scheduler} could place it on runs a bridge; nothing tested` : noCandidate(slaves.slaves.length, excluded, problems.length > 0, undecided.length > 0, scheduler)}`);
      exit = Math.max(exit, 1);
      continue;
    }
    const targets = f.bools.has('all') ? withBridge : withBridge.slice(0, 1);
    const runs = await runOnCandidates(targets, app.volumes, {
      token: () => token,
      concurrency,
      signal,
      connect: bridgeCa ? { ca: bridgeCa } : {},
      onEvent: (e) => {
        if (!json && e.run) err(`  … ${e.candidate.hostname} ${e.volume.driver}/${e.volume.name}: ${e.run.verdict} (${e.run.ms} ms)`);
      },
    });
    all.push(...runs);
    if (!json) {
      const w = Math.max(5, ...runs.map((r) => r.hostname.length));
      for (const r of runs) process.stdout.write(`  ${pad(r.hostname, w)}  zone ${pad(r.zone ?? '-', 6)}  ${pad(`${r.volume.driver}/${r.volume.name}`, 24)}  ${pad(r.verdict, 20)}  ${String(r.ms).padStart(6)} ms${r.detail ? `  ${r.detail}` : ''}\n`);
      for (const line of summarizeRuns(runs)) process.stdout.write(`${line}\n`);
    }
    if (runs.some((r) => !OK_VERDICTS.has(r.verdict))) exit = Math.max(exit, 1);
  }
  if (json) process.stdout.write(JSON.stringify(all.map(({ result: _r, ...r }) => r), null, 2) + '\n');
  return signal.aborted ? 130 : exit;
}
