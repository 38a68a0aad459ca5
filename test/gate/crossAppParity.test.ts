// One engine for cross-app verdicts: a request judged by the gate in front of the stand-in Marathon gets the
// findings `marathon-lint --marathon` reports for the same file against the same deployed root group (rule and
// severity, one for one). Scenarios: every folder holding a deployed-root-group.json among the rule fixtures,
// and test/gate/cross-app/ (a cycle through a deployed app, an app id that is a deployed group, a volume a
// deployed app owns, a group update replacing the owner, a role from a deployed group's enforceRole, a
// dependency on nothing). Apps go to POST /v2/apps, groups to PUT /v2/groups; pods are judged alone.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { defaultProfile, parseConfig } from '@marathon-devtools/language-server';
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';
import { infoFor, startStandinMarathon, type StandinMarathon } from '../standins/marathon/standin';
import { crossAppRuleIds } from '../../gate/src/crossApp';
import { call, gateInFrontOf } from './harness';

const root = join(import.meta.dirname, '..', '..');

function scenarioDirs(): string[] {
  const out: string[] = [join(import.meta.dirname, 'cross-app')];
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (!e.isDirectory()) continue;
      const d = join(dir, e.name);
      if (existsSync(join(d, 'deployed-root-group.json'))) out.push(d);
      walk(d);
    }
  };
  walk(join(root, 'language-server/test/rules'));
  return out;
}

function nearestConfig(dir: string): string | undefined {
  for (let d = dir; d.startsWith(root); d = dirname(d)) if (existsSync(join(d, 'marathon-lint.config.json'))) return join(d, 'marathon-lint.config.json');
  return undefined;
}

let marathon: StandinMarathon;
before(async () => {
  marathon = await startStandinMarathon();
});
after(async () => {
  await marathon.close();
});

const cli = join(root, 'language-server/bin/marathon-lint.cjs');

for (const dir of scenarioDirs()) {
  const deployed = JSON.parse(readFileSync(join(dir, 'deployed-root-group.json'), 'utf8')) as GroupInfo;
  const files = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'deployed-root-group.json' && f !== 'marathon-lint.config.json');
  for (const file of files) {
    const shown = relative(root, join(dir, file));
    test(`${shown}: the gate's findings are marathon-lint --marathon's`, async () => {
      marathon.setRootGroup(structuredClone(deployed));
      // The stand-in reports the version, features, role, network and --new_group_enforce_role of the scenario's config
      // (none when the config leaves it unknown): marathon-lint --marathon takes them from /v2/info, the gate from its
      // --config, so both judge with the same profile.
      const config = nearestConfig(dir);
      const profile = config ? parseConfig(readFileSync(config, 'utf8'), config).profile : defaultProfile;
      marathon.setInfo(
        infoFor(profile.marathonVersion, {
          features: profile.features,
          mesos_role: profile.mesosRole,
          default_network_name: profile.defaultNetworkName,
          new_group_enforce_role: profile.newGroupEnforceRole ?? undefined,
        }),
      );
      // Asynchronously: the stand-in answers from this process.
      const run = await new Promise<{ status: number; stdout: string; stderr: string }>((resolve) =>
        execFile(process.execPath, [cli, '--format', 'json', '--marathon', marathon.url, join(dir, file)], { cwd: root, encoding: 'utf8', timeout: 60_000 }, (e, stdout, stderr) =>
          resolve({ status: typeof e?.code === 'number' ? e.code : e ? -1 : 0, stdout, stderr }),
        ),
      );
      assert.ok(run.status === 0 || run.status === 1, run.stderr);
      const [result] = JSON.parse(run.stdout) as { kind: string; diagnostics: { ruleId: string; severity: string }[] }[];
      if (result.kind !== 'app' && result.kind !== 'group') return; // pods: no root-group placement in the gate

      const logs: Record<string, unknown>[] = [];
      const g = await gateInFrontOf(marathon.url, { mode: 'audit', profile, logs, clusterState: { refreshMs: 60_000, maxAgeMs: 60_000, waitMs: 5_000 } });
      try {
        const a = result.kind === 'app' ? await call('POST', `${g.url}/v2/apps`, readFileSync(join(dir, file))) : await call('PUT', `${g.url}/v2/groups`, readFileSync(join(dir, file)));
        assert.ok(a.status < 500, `${a.status} ${a.body}`);
      } finally {
        await g.close();
      }
      const judged = logs.find((l) => l.msg === 'judged') as { findings?: { ruleId: string; severity: string }[]; skipped?: string[] } | undefined;
      assert.equal(judged?.skipped, undefined, 'the deployed state was read');
      const viaGate = (judged?.findings ?? []).map((f) => `${f.ruleId} ${f.severity}`).sort();
      const viaCli = result.diagnostics.map((d) => `${d.ruleId} ${d.severity}`).sort();
      assert.deepEqual(viaGate, viaCli);
      // The scenario is about a root-group rule: an invalid one has its finding, a valid one none.
      const inContext = viaCli.filter((f) => crossAppRuleIds.includes(f.split(' ')[0]));
      if (file.startsWith('invalid')) assert.ok(inContext.length > 0, `an invalid scenario has a root-group finding: ${viaCli}`);
      if (file.startsWith('valid')) assert.deepEqual(inContext, [], 'a valid scenario has no root-group finding');
      if (file.startsWith('warning')) assert.ok(inContext.some((f) => f.endsWith(' warning')), `a warning scenario has a root-group warning: ${viaCli}`);
    });
  }
}
