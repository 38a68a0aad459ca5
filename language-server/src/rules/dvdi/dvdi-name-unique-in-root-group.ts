/**
 * Cluster-wide name uniqueness as DVDIProvider.rootGroup implements it: `appsByVolume` is built from
 * non-shared volumes only, then every dvdi volume of every app is checked against it. So two shared
 * users pass, a shared user of a non-shared name is flagged (naming the owner), and two non-shared
 * users are flagged both. Only the document is seen: apps already deployed are out of reach.
 */
import type { Rule } from '../../core/rule';
import type { Fix } from '../../core/types';
import { joinPointer } from '../../model/documentModel';
import { isShared, nameOf, sharedHonoured } from '../../model/volume/externalVolumes';
import { appLabel, dvdiAppsOf } from '../../model/dvdi/dvdiApps';
import { quoted } from '../../model/quoted';

export const dvdiNameUniqueInRootGroup: Rule = {
  id: 'dvdi-name-unique-in-root-group',
  severity: 'error',
  kinds: ['group'],
  summary: 'A dvdi volume name is used by one app only across the whole group (volumes that all users mark shared excepted, 1.8.222+).',
  fixable: true,
  marathonMessage: "Volume name '<name>' in <appId> conflicts with volume(s) of same name in app(s): <otherAppIds>",
  check(ctx) {
    const apps = dvdiAppsOf(ctx);
    const owners = new Map<string, Set<string>>();
    for (const { appRef, volumes } of apps) {
      for (const v of volumes) {
        const name = nameOf(v);
        if (name === undefined || isShared(ctx, v)) continue;
        const set = owners.get(name) ?? new Set<string>();
        set.add(appLabel(appRef));
        owners.set(name, set);
      }
    }
    // Where `shared` is honoured, the fix marks every not-yet-shared use of the name: what the message offers.
    // One per name, shared by its findings: a name used by n apps would otherwise cost n² here.
    const fixes = new Map<string, Fix>();
    const shareFix = (name: string): Fix | undefined => {
      if (!sharedHonoured(ctx)) return undefined;
      const known = fixes.get(name);
      if (known) return known;
      const edits: Fix['edits'] = [];
      for (const { volumes } of apps) {
        for (const v of volumes) {
          if (nameOf(v) !== name || isShared(ctx, v)) continue;
          edits.push({ op: 'shared' in v.external ? 'replace' : 'add', pointer: joinPointer(v.externalPointer, 'shared'), value: true });
        }
      }
      const fix = { title: `Mark ${quoted(name)} shared in every app that uses it`, edits };
      fixes.set(name, fix);
      return fix;
    };
    for (const { appRef, volumes } of apps) {
      const self = appLabel(appRef);
      for (const v of volumes) {
        const name = nameOf(v);
        if (name === undefined) continue;
        const owning = owners.get(name);
        // The usual case, a name only this app owns, decided without copying the set.
        if (owning === undefined || (owning.size === 1 && owning.has(self))) continue;
        const others = [...owning].filter((id) => id !== self);
        if (others.length === 0) continue;
        const fix = shareFix(name);
        ctx.report({
          pointer: joinPointer(v.externalPointer, 'name'),
          message:
            `Marathon rejects the group with "Volume name '${name}' in ${self} conflicts with volume(s) of same name in app(s): ${others.join(', ')}": ` +
            'one external volume cannot be attached to tasks of two apps. Give each app its own volume' +
            (sharedHonoured(ctx) ? ', or mark the volume "shared": true in every app that uses it (Marathon 1.8.222+ / 1.9.64+).' : '.'),
          ...(fix ? { fix } : {}),
        });
      }
    }
  },
};
