/**
 * With a cluster set, every "Test mount" lens from the language server gets a sibling "Test mount on all N
 * candidates" (N = the agents Marathon could place the app on that run a bridge). Added on the client, since
 * only the extension knows the cluster; the cluster view is cached, so this never fetches per keystroke.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { isTestMountArgs } from '@marathon-devtools/language-server/protocol';
import { clusterSettings } from './clusterBridges';
import type { ClusterTestMount } from './testMountCluster';

export function allCandidatesLenses(tm: ClusterTestMount, output: vscode.LogOutputChannel): NonNullable<Middleware['provideCodeLenses']> {
  // The same failure is kept for 30 s and met by every lens request meanwhile: logged once.
  let lastWarning = '';
  return async (document, token, next) => {
    const lenses = (await next(document, token)) ?? [];
    if (!clusterSettings()) return lenses;
    const out: vscode.CodeLens[] = [];
    for (const lens of lenses) {
      out.push(lens);
      const args = lens.command?.arguments?.[0];
      if (lens.command?.command !== 'marathon.testMount' || !isTestMountArgs(args)) continue;
      try {
        const c = (await tm.candidatesFor(args, document.getText(), true))?.candidates;
        if (c && c.candidates.length > 1) out.push(new vscode.CodeLens(lens.range, { title: `Test mount on all ${c.candidates.length} candidates`, command: 'marathon.testMountAll', arguments: [args] }));
        lastWarning = '';
      } catch (e) {
        const warning = `cluster: no "Test mount on all candidates" lens: ${(e as Error).message}`;
        if (warning !== lastWarning) output.warn(warning);
        lastWarning = warning;
      }
    }
    return out;
  };
}
