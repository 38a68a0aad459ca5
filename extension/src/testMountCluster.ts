/**
 * Test mount where the app will run, in VS Code: "Test mount" runs on the first candidate agent, "Test mount on
 * all N candidates" on every one (bounded concurrency), with one progress notification and the results view.
 * The candidates come from the cluster (clusterBridges.ts) and the app around the volume in the editor.
 */
import * as vscode from 'vscode';
import type { TestMountArgs } from '@marathon-devtools/language-server/protocol';
import { runOnCandidates, summarizeRuns, OK_VERDICTS, type CandidateRun } from '@marathon-devtools/agent-bridge/client/candidateRuns';
import { ClusterBridges, clusterSettings, type Candidates, type ClusterSettings, type ClusterView } from './clusterBridges';
import { candidatesAt } from './clusterView';
import { lensTargetNow, staleLensMessage } from './lensTargetNow';
import { noCandidateWarning } from './noCandidateWarning';
import type { TestMountResults } from './testMountResults';

const setBridgeToken = 'Set Bridge Token';

export class ClusterTestMount {
  constructor(private readonly cluster: ClusterBridges, private readonly results: TestMountResults, private readonly output: vscode.LogOutputChannel) {}

  /** The cluster view as the lenses read it (a failure less than 30 s old kept: ClusterViewCache). */
  lensView(s: ClusterSettings): Promise<ClusterView> {
    return this.cluster.view(s, false, true);
  }

  /**
   * Candidates for the lens's app or Chronos job, with its id and the lens's volume as the document has it now
   * (lensTargetNow.ts: a click may come after an edit); `stale` when an edit since the lens was drawn lost the volume;
   * undefined without a cluster. Rejects when the cluster cannot be read. The lenses' own request asks for all its
   * lenses at once instead (clusterLenses.ts).
   */
  async candidatesFor(lens: TestMountArgs): Promise<{ candidates: Candidates; id: string; chronos: boolean; args: TestMountArgs } | { stale: string } | undefined> {
    const s = clusterSettings();
    if (!s) return undefined;
    const docText = (await vscode.workspace.openTextDocument(vscode.Uri.parse(lens.uri))).getText();
    const now = lensTargetNow(docText, lens);
    if ('stale' in now) return now;
    const found = candidatesAt(await this.cluster.view(s), docText, now.args.pointer, s.acceptedRolesDefault);
    // No owner for a volume the document lists (not expected: every mount target lies in an app or job): not placed as something else.
    return found ? { ...found, args: now.args } : { stale: staleLensMessage(lens, 0) };
  }

  /**
   * Runs the lens's volume on the first candidate (`all` false) or all candidates. Resolves with the runs,
   * undefined when the user was told why nothing ran, or 'no-cluster' when Test mount should use the agents
   * added by hand instead.
   */
  async run(lens: TestMountArgs, all: boolean): Promise<CandidateRun[] | undefined | 'no-cluster'> {
    let found: Awaited<ReturnType<ClusterTestMount['candidatesFor']>> | 'cancelled';
    try {
      // The read can take seconds (a large root group, a busy master; up to the 10 s timeout per request): said at once,
      // and cancellable, rather than a click that seems to do nothing.
      found = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: `Test mount ${lens.volume.name}: reading the cluster (Marathon and the Mesos master)…`, cancellable: true },
        (_progress, cancel) =>
          new Promise<typeof found>((resolve, reject) => {
            cancel.onCancellationRequested(() => resolve('cancelled'));
            this.candidatesFor(lens).then(resolve, reject);
          }),
      );
    } catch (e) {
      void vscode.window.showErrorMessage(`Cannot read the cluster: ${(e as Error).message}`, 'Show Output').then((x) => x && this.output.show(true));
      this.output.error(`cluster: ${(e as Error).message}`);
      return undefined;
    }
    if (found === 'cancelled') return undefined;
    if (!found) return 'no-cluster';
    // Not the agents added by hand, as if no cluster were set: the user clicked a lens of a volume no longer there.
    if ('stale' in found) {
      void vscode.window.showWarningMessage(found.stale);
      return undefined;
    }
    const { candidates: c, id: appId, args } = found;
    if (c.roleNote) this.output.info(`  ${c.roleNote}`);
    for (const n of c.notes ?? []) this.output.info(`  ${n}`);
    // Marathon's refusal (a role its group does not allow) or constraints it cannot read: said, and shown below.
    for (const p of c.problems) this.output.warn(`cluster: ${p}`);
    for (const x of c.excluded) this.output.info(`  not a candidate: ${x.hostname}: ${x.reasons.join('; ')}`);
    for (const h of c.noBridge) this.output.info(`  no bridge on candidate ${h}`);
    // A placement rule that could not be evaluated (the master's region unreadable, a Java-only regex): the
    // candidates may be agents Marathon would never use. Said before anything runs; the user decides.
    if (c.undecided.length > 0) {
      for (const u of c.undecided) this.output.warn(`cluster: cannot tell where ${appId} would be placed: ${u}`);
      const choice = await vscode.window.showWarningMessage(`Test mount: cannot tell where ${appId} would be placed: ${c.undecided.join('; ')}. The candidates may be agents it would not use.`, 'Test Anyway', 'Show Output');
      if (choice === 'Show Output') this.output.show(true);
      if (choice !== 'Test Anyway') return undefined;
    }
    if (c.candidates.length === 0 && c.problems.length > 0) {
      void vscode.window.showWarningMessage(`Test mount: ${c.problems.join('; ')}`, 'Show Output').then((x) => x && this.output.show(true));
      return [];
    }
    if (c.candidates.length === 0) {
      void vscode.window.showWarningMessage(noCandidateWarning(found), 'Show Output').then((x) => x && this.output.show(true));
      return [];
    }
    const token = await this.cluster.bridgeToken();
    if (!token) return undefined;
    const targets = all ? c.candidates : c.candidates.slice(0, 1);
    const v = args.volume;
    this.output.info(`[${new Date().toISOString()}] Test mount ${v.driver}/${v.name} of ${appId} on ${targets.length} of ${c.candidates.length} candidate(s): ${targets.map((t) => t.hostname).join(', ')}`);
    const runs = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Test mount ${v.name} on ${targets.length === 1 ? targets[0].hostname : `${targets.length} candidates`}`, cancellable: true },
      async (progress, cancel) => {
        const abort = new AbortController();
        cancel.onCancellationRequested(() => abort.abort());
        let done = 0;
        return runOnCandidates(targets, [{ pointer: args.pointer, ...v, engine: args.engine }], {
          token: () => token,
          signal: abort.signal,
          onEvent: (e) => {
            if (e.run) {
              done++;
              this.output.info(`  ${e.run.hostname}${e.run.zone ? ` (zone ${e.run.zone})` : ''}: ${e.run.verdict} in ${e.run.ms} ms${e.run.detail ? ` — ${e.run.detail}` : ''}`);
              progress.report({ message: `${done} of ${targets.length} done`, increment: 100 / targets.length });
            }
          },
        });
      },
    );
    this.results.show(appId, runs);
    void vscode.commands.executeCommand('marathon.testMountResults.focus');
    const line = summarizeRuns(runs)[0] ?? '';
    const ok = runs.every((r) => OK_VERDICTS.has(r.verdict));
    const show = ok ? vscode.window.showInformationMessage : vscode.window.showWarningMessage;
    // The stored bridge token is used until replaced: a refused one says how (the bridge's own text names its token file).
    const refused = runs.some((r) => r.verdict === 'unauthorized' && /token/i.test(r.detail ?? ''));
    const remedy = refused ? ' The bridges refused the stored cluster bridge token: give the right one with "Marathon: Set Cluster Bridge Token".' : '';
    const actions = refused ? [setBridgeToken, 'Show Output'] : ['Show Output'];
    void show(`Test mount: ${line}${remedy}`, ...actions).then((x) => {
      if (x === 'Show Output') this.output.show(true);
      if (x === setBridgeToken) void vscode.commands.executeCommand('marathon.setClusterBridgeToken');
    });
    return runs;
  }
}
