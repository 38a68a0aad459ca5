/**
 * Run the root-group rules (Marathon's step 7, `RootGroup.validRootGroup`, ../shared/reference/marathon-rules.md §1,
 * marathon-rules.md §4.1, §4.3, §6.3) on a placed root group and map each finding back into the proposed document it concerns.
 * A finding on a proposed app lands on the same field in its file, naming any deployed app it involves; a
 * finding Marathon would put on a deployed app (e.g. the shared side of a volume-name clash) lands on the
 * proposed app it names; findings that involve no proposed document are the cluster's own and are dropped.
 */
import type { Profile } from '../core/profile';
import type { Rule } from '../core/rule';
import type { Fix, PointerEdit } from '../core/types';
import { runRules, type RuleFinding } from '../core/runRules';
import { collectApps, joinPointer } from '../model/documentModel';
import { originOf, type PlacedRootGroup } from './placement';

export interface RootGroupFinding extends RuleFinding {
  /** Index of the proposed document. */
  source: number;
  /** Deployed apps, pods or groups the finding names. */
  deployed: string[];
}

/** A run of the characters an absolute id is made of, not inside a longer run (so `/a` is not found in `/a/b`). */
const idRun = /(?<![A-Za-z0-9_.\-/])\/[A-Za-z0-9_.\-/]*/g;

/**
 * The ids a message names: every maximal run of id characters that starts with `/`. An id is mentioned exactly
 * when it is one of these runs; one pass over the message instead of one regular expression per deployed id.
 */
function mentionedIds(message: string): Set<string> {
  return new Set(message.match(idRun) ?? []);
}

/**
 * A finding's fix with its pointers in the finding's own document; none when an edit falls outside it (a deployed
 * app, another file), where a part of the fix would not repair what the finding says.
 */
function fixIn(placed: PlacedRootGroup, source: number, fix: Fix | undefined): { fix?: Fix } {
  if (!fix) return {};
  const edits: PointerEdit[] = [];
  for (const e of fix.edits) {
    const { origin, rest } = originOf(placed, e.pointer);
    if (origin.source !== source) return {};
    edits.push({ ...e, pointer: origin.pointer + rest });
  }
  return { fix: { ...fix, edits } };
}

function deployedNote(ids: string[]): string {
  return ids.length === 0 ? '' : ` ${ids.join(', ')} ${ids.length === 1 ? 'is' : 'are'} already deployed on the cluster.`;
}

/**
 * Findings of `rules` on the placed root group, each in the proposed document it concerns (pointer in that
 * document). `rules` are the root-group rules, run as on a group document.
 */
export function checkRootGroup(placed: PlacedRootGroup, profile: Profile, rules: readonly Rule[]): RootGroupFinding[] {
  const groupRules = rules.map((r) => (r.kinds.includes('group') ? r : { ...r, kinds: [...r.kinds, 'group' as const] }));
  const findings = runRules(placed.root, 'group', profile, groupRules, (pointer) => {
    const { origin, rest } = originOf(placed, pointer);
    if (origin.source === 'deployed') return 'cluster';
    const name = placed.names[origin.source];
    return {
      document: origin.source,
      pointer: origin.pointer + rest,
      ...(name === undefined ? {} : { name }),
      ...(origin.implied ? { implied: true } : {}),
      ...(origin.deployed === undefined || rest !== '' ? {} : { deployed: origin.deployed }),
      ...(origin.written === undefined || rest !== '' ? {} : { written: origin.written }),
    };
  });
  if (findings.length === 0) return [];
  const sourceOf = (id: string) => placed.idOrigins.get(id)?.source ?? 'deployed';
  const apps = collectApps(placed.root, 'group');
  const out = new Map<string, RootGroupFinding>();
  const add = (f: RootGroupFinding) => out.set(`${f.source}\0${f.pointer}\0${f.ruleId}`, f);
  const attributed: RootGroupFinding[] = [];

  for (const f of findings) {
    const ids = mentionedIds(f.message);
    const named = f.saysWhere ? [] : [...ids].filter((id) => id !== '/' && placed.idOrigins.has(id) && sourceOf(id) === 'deployed');
    const { origin, rest } = originOf(placed, f.pointer);
    if (origin.source !== 'deployed') {
      const { fix, ...finding } = f;
      add({ ...finding, ...fixIn(placed, origin.source, fix), source: origin.source, pointer: origin.pointer + rest, message: f.message + deployedNote(named), deployed: named });
      continue;
    }
    // Reported on a deployed part: it is ours only if it names a proposed app, pod or group.
    let onDeployed: string | undefined;
    for (const id of ids) {
      const source = sourceOf(id);
      if (source === 'deployed') continue;
      onDeployed ??= apps.find((a) => f.pointer === a.pointer || f.pointer.startsWith(a.pointer + '/'))?.absoluteId;
      const target = apps.find((a) => a.absoluteId === id);
      const targetOrigin = target ? originOf(placed, target.pointer) : undefined;
      if (!target || !targetOrigin || targetOrigin.origin.source !== source) continue;
      let pointer = targetOrigin.origin.pointer + targetOrigin.rest;
      // A volume-name clash: point at the proposed app's volume of the same name.
      const name = /Volume name '([^']*)'/.exec(f.message)?.[1];
      const volumes = (target.app.container as { volumes?: unknown } | undefined)?.volumes;
      if (name !== undefined && Array.isArray(volumes)) {
        const i = volumes.findIndex((v) => (v as { external?: { name?: unknown } })?.external?.name === name);
        if (i >= 0) pointer = joinPointer(pointer, 'container', 'volumes', i, 'external', 'name');
      }
      const where = onDeployed ? ` (Marathon reports it on the deployed app ${onDeployed}.)` : '';
      const { fix, ...finding } = f;
      attributed.push({ ...finding, ...fixIn(placed, source, fix), source, pointer, message: f.message + where + deployedNote(named.filter((d) => d !== onDeployed)), deployed: named });
    }
  }
  // A finding Marathon puts on the deployed side adds nothing where the proposed field already has one.
  for (const f of attributed) if (!out.has(`${f.source}\0${f.pointer}\0${f.ruleId}`)) add(f);
  return [...out.values()];
}
