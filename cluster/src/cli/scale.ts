/**
 * `dvdi-bridge scale --marathon URL --mesos URL --app /dvdi-bridge [--dry-run] [--force]`: one bridge per
 * matching agent. Marathon has no daemon set, and hostname:UNIQUE with more instances than agents leaves a
 * deployment that never finishes (Marathon issue #846), so the count comes from the Mesos master: the active
 * agents that pass the app's other constraints, roles and region (cluster/placement/onePerAgent.ts).
 * Idempotent: nothing is sent when the count is already right. Safe as a periodic job.
 */
import { MesosMasterClient } from '../mesos/client';
import { countOnePerAgent } from '../placement/onePerAgent';
import { parseFlags } from '@marathon-devtools/agent-bridge/cli/args';
import { marathonApps } from '../discovery/marathonApps';
import { resolveAppRole, roleFacts } from '../placement/marathonRole';
import { absoluteAppId, CLUSTER_FLAGS, readClusterFlags } from './clusterFlags';

const say = (s: string) => process.stdout.write(s + '\n');

export async function scale(argv: string[]): Promise<number> {
  const f = parseFlags(argv, { ...CLUSTER_FLAGS, app: 'string', 'dry-run': 'bool', force: 'bool', json: 'bool' }, 'scale');
  const flags = readClusterFlags(f, 'scale');
  const appId = absoluteAppId('scale', 'app', f.strings.get('app') ?? '/dvdi-bridge');
  const marathon = marathonApps(flags.marathon);
  const mesos = new MesosMasterClient({ url: flags.mesosUrl, authorization: flags.authorization, ca: flags.ca, timeoutMs: flags.timeoutMs });
  const [app, slaves, region, features] = await Promise.all([marathon.getApp(appId), mesos.getAgents(), mesos.getMasterRegion().then((name) => ({ name }), (e: Error) => ({ name: undefined, unknown: e.message })), marathon.getFeatures()]);
  // Marathon 1.9+ reports the role a deployed app runs under (AppConversion.scala), which is the one placement takes;
  // only without it (before 1.9: none) does the role come from the rules of marathonRole.ts, the groups only for a nested app.
  const rootGroup = typeof app.role === 'string' || appId.split('/').length <= 2 ? undefined : await marathon.getRootGroup();
  const role = typeof app.role === 'string' ? { roles: [app.role] } : resolveAppRole(app, { absoluteId: appId }, roleFacts(features, rootGroup));
  const c = countOnePerAgent(app, slaves.slaves, region.name, 'unknown' in region ? region.unknown : undefined, 'features' in features ? features.features : undefined, 'version' in features ? features.version : undefined, flags.acceptedRolesDefault, role);
  const current = typeof app.instances === 'number' ? app.instances : 1;
  const total = slaves.slaves.length;
  const leftOut = c.excluded.map((e) => `  left out ${e.agent.hostname}: ${e.reasons.join('; ')}`);
  const report = { app: appId, agents: total, matching: c.matching.map((a) => a.hostname), instances: { before: current, after: c.count }, changed: false, problems: c.problems, deploymentId: undefined as string | undefined };
  for (const p of c.problems) process.stderr.write(`scale: warning: ${p}\n`);
  // A rule that could not be evaluated makes the count no answer: too low would scale the bridges away from agents
  // that need them, too high leaves a deployment that never finishes. Nothing is changed (nor predicted).
  if (c.undecided.length > 0) {
    process.stderr.write(`scale: cannot count the matching agents: ${c.undecided.join('; ')}; ${appId} keeps ${current} instance${current === 1 ? '' : 's'}. Write a regex without Java-only syntax (possessive or atomic groups, \\p{…}, \\Q…\\E, embedded flags past the start), set the app's acceptedResourceRoles (or pass Marathon's --accepted-resource-roles-default-behavior), let the master's /master/state answer (--marathon-timeout), as each reason says, or set instances by hand\n`);
    return 2;
  }
  // A master that was just elected lists the agents of its registry under recovered_slaves until they re-register
  // (mesos-master-api.md §1-§2: `slaves` may be empty meanwhile). Counting only `slaves` then would scale the bridges
  // down, killing them on agents about to come back; a periodic scale waits for them instead.
  if (c.count < current && slaves.recovered_slaves.length > 0) {
    const hosts = slaves.recovered_slaves.map((a) => a.hostname);
    process.stderr.write(`scale: ${hosts.length} agent${hosts.length === 1 ? '' : 's'} known to the master ha${hosts.length === 1 ? 's' : 've'} not re-registered yet (recovered_slaves: ${hosts.slice(0, 5).join(', ')}${hosts.length > 5 ? ', …' : ''}); scaling ${appId} down from ${current} to ${c.count} now would kill bridges on agents about to return, so nothing changed; run again once they are back (or gone for good)\n`);
    return 2;
  }
  // No agent matches: 0 is no count of bridges to run but a sign that the constraints (or the agents' attributes)
  // are wrong, and scaling to it would remove every bridge at once. Refused even with --force and when already 0.
  if (c.count === 0) {
    process.stderr.write(`scale: no agent matches ${appId}: 0 of ${total} agent${total === 1 ? '' : 's'} seen pass its constraints ${JSON.stringify(app.constraints ?? [])} (with its accepted roles and the master's region); scaling to 0 would remove every bridge, so ${appId} keeps ${current} instance${current === 1 ? '' : 's'}. Fix the constraints or the agents' attributes, or set instances by hand\n`);
    leftOut.forEach((l) => process.stderr.write(l + '\n'));
    return 2;
  }
  if (current === c.count) {
    if (f.bools.has('json')) say(JSON.stringify(report, null, 2));
    else {
      say(`${appId}: ${current} instance${current === 1 ? '' : 's'}, one per matching agent (${c.count} of ${total}); nothing changed`);
      leftOut.forEach((l) => say(l));
    }
    return 0;
  }
  if (f.bools.has('dry-run')) {
    if (f.bools.has('json')) say(JSON.stringify(report, null, 2));
    else {
      say(`${appId}: would set instances ${current} → ${c.count} (${c.count} of ${total} agents match); --dry-run: nothing sent`);
      leftOut.forEach((l) => say(l));
    }
    return 0;
  }
  const { deploymentId } = await marathon.setInstances(appId, c.count, f.bools.has('force'));
  report.changed = true;
  report.deploymentId = deploymentId;
  if (f.bools.has('json')) say(JSON.stringify(report, null, 2));
  else {
    say(`${appId}: set instances ${current} → ${c.count} (${c.count} of ${total} agents match${deploymentId ? `; deployment ${deploymentId}` : ''})`);
    leftOut.forEach((l) => say(l));
  }
  return 0;
}

