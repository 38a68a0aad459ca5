import type { Rule } from '../../core/rule';
import { joinPointer, resolveId, type AppRef } from '../../model/documentModel';
import { groupsOf, parentOf } from '../../model/group/groupWalk';

const text = 'Dependency graph has cyclic dependencies.';

/**
 * Builds Marathon's dependency graph for the apps of the document (RootGroup.scala `applicationDependencies`): an app
 * depends on its own `dependencies` and on those of its enclosing groups; a dependency on a group means every app
 * inside it. An app's dependency is resolved against the app's group (AppNormalization.withCanonizedIds) and may name
 * an app or a group; a group's dependency is resolved against that group itself, not its parent
 * (GroupConversion.scala: `canonicalPath(current.id)` / `canonicalPath(gid)`, 1.1's GroupUpdate.scala alike), and
 * counts only when it names a group (`transitiveGroupsById.get(dependencyId)`): one naming an app adds no edge.
 */
export const groupCyclicDeps: Rule = {
  id: 'group-cyclic-deps',
  severity: 'error',
  kinds: ['group'],
  summary: 'The dependencies between the apps and groups of a group must not form a cycle.',
  marathonMessage: text,
  check(ctx) {
    const apps = ctx.apps.filter((a): a is AppRef & { absoluteId: string } => a.absoluteId != null);
    // Only groups that declare dependencies contribute any; most documents have none or a few.
    const depGroups = groupsOf(ctx).filter((g) => Array.isArray(g.group.dependencies) && g.group.dependencies.length > 0);
    // No dependency anywhere, no edge, no cycle: the editor checks a whole deployed root group on every keystroke.
    if (depGroups.length === 0 && !apps.some((a) => Array.isArray(a.app.dependencies) && a.app.dependencies.length > 0)) return;
    // Every group of the placed tree: the ones written down and the ones an app's id implies (Marathon creates them).
    let groupIds: Set<string> | undefined;
    const isGroup = (id: string): boolean => {
      if (!groupIds) {
        groupIds = new Set(groupsOf(ctx).map((g) => g.absoluteId));
        for (const a of apps) for (let p = parentOf(a.absoluteId); !groupIds.has(p); p = parentOf(p)) groupIds.add(p);
      }
      return groupIds.has(id);
    };
    const depsOf = (ref: AppRef): string[] => {
      const out: string[] = [];
      if (Array.isArray(ref.app.dependencies)) for (const d of ref.app.dependencies) if (typeof d === 'string') out.push(resolveId(d, ref.groupId));
      for (const g of depGroups) {
        if (g.absoluteId !== ref.groupId && !ref.groupId.startsWith(g.absoluteId === '/' ? '/' : g.absoluteId + '/')) continue;
        for (const d of g.group.dependencies as unknown[]) {
          if (typeof d !== 'string') continue;
          const id = resolveId(d, g.absoluteId);
          if (isGroup(id)) out.push(id);
        }
      }
      return out;
    };
    // The apps at or under each id, in document order: one lookup per dependency instead of a scan of every app.
    let under: Map<string, AppRef[]> | undefined;
    const appsUnder = (id: string): readonly AppRef[] => {
      if (!under) {
        under = new Map();
        for (const a of apps) {
          for (let prefix = a.absoluteId; ; prefix = parentOf(prefix)) {
            let list = under.get(prefix);
            if (!list) under.set(prefix, (list = []));
            list.push(a);
            if (prefix === '/') break;
          }
        }
      }
      return under.get(id) ?? [];
    };
    const edges = new Map<string, Set<string>>();
    const noTargets = new Set<string>();
    for (const a of apps) {
      const deps = depsOf(a);
      if (deps.length === 0) {
        edges.set(a.absoluteId, noTargets); // still set: a later app with the same id replaces an earlier one's edges
        continue;
      }
      const targets = new Set<string>();
      for (const dep of deps) for (const t of appsUnder(dep)) targets.add(t.absoluteId!);
      edges.set(a.absoluteId, targets);
    }
    const cycle = findCycle(edges);
    if (!cycle) return;
    const first = apps.find((a) => a.absoluteId === cycle[0])!;
    ctx.report({
      pointer: Array.isArray(first.app.dependencies) ? joinPointer(first.pointer, 'dependencies') : first.pointer,
      message:
        `Marathon rejects the group: "${text}" ${cycle.concat(cycle[0]).join(' -> ')} ` +
        `(dependencies on a group count for every app in it), so no app of the cycle could ever be deployed first. Remove one of these dependencies.`,
    });
  },
};

/** Iterative DFS (three colours); returns the nodes of one cycle in order, or undefined. */
function findCycle(edges: Map<string, Set<string>>): string[] | undefined {
  const state = new Map<string, 1 | 2>();
  for (const [start, targets] of edges) {
    // A node without edges out cannot be on a cycle: searching from it would only mark it done.
    if (targets.size === 0 || state.has(start)) continue;
    const path: string[] = [];
    const stack: { node: string; it: Iterator<string> }[] = [];
    const enter = (n: string) => {
      state.set(n, 1);
      path.push(n);
      stack.push({ node: n, it: (edges.get(n) ?? new Set<string>()).values() });
    };
    enter(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      const next = top.it.next();
      if (next.done) {
        state.set(top.node, 2);
        stack.pop();
        path.pop();
      } else if (state.get(next.value) === 1) {
        return path.slice(path.indexOf(next.value));
      } else if (!state.has(next.value)) {
        enter(next.value);
      }
    }
  }
  return undefined;
}
