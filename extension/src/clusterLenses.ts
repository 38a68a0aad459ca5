/**
 * With a cluster set, every "Test mount" lens from the language server gets a sibling "Test mount on all N
 * candidates" (N = the agents Marathon could place the app on that run a bridge). Added on the client, since
 * only the extension knows the cluster; the cluster view is cached, so this never fetches per keystroke. The server's
 * lenses never wait for a cluster read (seconds on a large or slow cluster, up to its timeout when unreachable): they
 * are shown at once, and asked for again (`refresh`) once the read is done.
 */
import * as vscode from 'vscode';
import type { Middleware } from 'vscode-languageclient/node';
import { isTestMountArgs } from '@marathon-devtools/language-server/protocol';
import { clusterSettings } from './clusterBridges';
import { candidatesIn } from './clusterView';
import type { ClusterTestMount } from './testMountCluster';

/** How long a lens request waits for the cluster view before it answers without the sibling lenses. */
const WAIT_MS = 200;

export function allCandidatesLenses(tm: ClusterTestMount, output: vscode.LogOutputChannel, refresh: (document: vscode.TextDocument) => void): NonNullable<Middleware['provideCodeLenses']> {
  // The same failure is kept for 30 s and met by every lens request meanwhile: logged once.
  let lastWarning = '';
  const warn = (e: Error) => {
    const warning = `cluster: no "Test mount on all candidates" lens: ${e.message}`;
    if (warning !== lastWarning) output.warn(warning);
    lastWarning = warning;
  };
  return async (document, token, next) => {
    const lenses = (await next(document, token)) ?? [];
    const s = clusterSettings();
    if (!s || !lenses.some((l) => l.command?.command === 'marathon.testMount')) return lenses;
    const read = tm.lensView(s);
    const settled = await Promise.race([read.then(() => true, () => true), new Promise<false>((r) => setTimeout(() => r(false), WAIT_MS))]);
    if (!settled) {
      void read.then(() => refresh(document), () => refresh(document));
      return lenses;
    }
    // One parse of the document for all its lenses (a group of 300 volumes is 300 lenses): candidatesIn.
    let candidatesOf: ReturnType<typeof candidatesIn>;
    try {
      candidatesOf = candidatesIn(await read, document.getText(), s.acceptedRolesDefault);
    } catch (e) {
      warn(e as Error);
      return lenses;
    }
    const out: vscode.CodeLens[] = [];
    for (const lens of lenses) {
      out.push(lens);
      const args = lens.command?.arguments?.[0];
      if (lens.command?.command !== 'marathon.testMount' || !isTestMountArgs(args)) continue;
      try {
        const c = candidatesOf(args.pointer)?.candidates;
        if (c && c.candidates.length > 1) out.push(new vscode.CodeLens(lens.range, { title: `Test mount on all ${c.candidates.length} candidates`, command: 'marathon.testMountAll', arguments: [args] }));
        lastWarning = '';
      } catch (e) {
        warn(e as Error);
      }
    }
    return out;
  };
}
