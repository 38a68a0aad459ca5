import type { Rule } from '../../core/rule';
import { isObject, joinPointer, resolveId } from '../../model/documentModel';
import { groupsOf } from '../../model/group/groupWalk';
import { quoted } from '../../model/quoted';

/**
 * Runs only on a root group placed with the cluster's deployed state (src/rootGroup: `kinds` is empty, so a
 * document linted alone never sees it): only then is "nothing has this id" a fact rather than a guess.
 * Marathon stores such a dependency without complaint; the deployment plan simply has nothing to order it
 * after (state/RootGroup.scala builds the dependency graph from existing run specs only).
 */
export const groupDependencyExists: Rule = {
  id: 'group-dependency-exists',
  severity: 'warning',
  kinds: [],
  summary: 'With a cluster: every dependency names an app or group that is deployed or in the linted files (a pod orders nothing).',
  check(ctx) {
    // Only apps and groups order anything: RootGroup.applicationDependencies looks a dependency up with `app(id)`,
    // then as a group; a pod's id finds neither (pods are vertices of the graph, never the end of an edge).
    const known = new Set<string>();
    const pods = new Set<string>();
    for (const g of groupsOf(ctx)) {
      known.add(g.absoluteId);
      for (const p of Array.isArray(g.group.pods) ? g.group.pods : []) if (isObject(p) && typeof p.id === 'string') pods.add(resolveId(p.id, g.absoluteId));
    }
    for (const a of ctx.apps) if (a.absoluteId) known.add(a.absoluteId);
    for (const a of ctx.apps) {
      const deps = a.app.dependencies;
      if (!Array.isArray(deps)) continue;
      deps.forEach((d, i) => {
        if (typeof d !== 'string' || d.trim() === '') return;
        const id = resolveId(d, a.groupId);
        if (known.has(id)) return;
        if (pods.has(id)) {
          ctx.report({
            pointer: joinPointer(a.pointer, 'dependencies', i),
            message:
              `The dependency ${quoted(d)} of ${a.absoluteId ?? 'this app'} resolves to the pod ${id}. Marathon accepts it, but orders a deployment by ` +
              'dependencies on apps and groups only, so the app will not wait for the pod. Put the pod in a group and depend on the group, or drop the dependency.',
          });
          return;
        }
        ctx.report({
          pointer: joinPointer(a.pointer, 'dependencies', i),
          message:
            `The dependency ${quoted(d)} of ${a.absoluteId ?? 'this app'} resolves to ${id}, which will not exist after this change (it is not deployed, not in the linted files, or a group update here removes it). ` +
            'Marathon accepts it, but the app will then not wait for anything. Deploy that app first, or correct the id.',
        });
      });
    }
  },
};
