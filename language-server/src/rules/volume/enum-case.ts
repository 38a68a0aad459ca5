/**
 * Before 1.5, Marathon read enums with Java `valueOf` (Formats.scala#enumFormat), so `"rw"` or
 * `"docker"` were rejected; 1.5+ reads them case-insensitively. Only values that are right apart from
 * their case are reported here: unknown values belong to the enum rules of each field.
 */
import { isObject, joinPointer, type JsonObject } from '../../model/documentModel';
import { valueAt } from '../../core/pointer';
import type { Rule } from '../../core/rule';
import { quoted } from '../../model/quoted';

interface EnumField {
  /** How Marathon names the enum in `<v> is not a valid <label>`. */
  label: string;
  values: readonly string[];
  /** Pointers (relative to the app) of the values to check. */
  at(app: JsonObject): string[];
  /** First version that has the field at all. */
  since?: string;
}

const each = (list: unknown, base: string, field: string): string[] =>
  Array.isArray(list) ? list.flatMap((x, i) => (isObject(x) && typeof x[field] === 'string' ? [joinPointer(base, i, field)] : [])) : [];

const enumFields: readonly EnumField[] = [
  { label: 'container type', values: ['DOCKER', 'MESOS'], at: (a) => (isObject(a.container) && typeof a.container.type === 'string' ? ['/container/type'] : []) },
  { label: 'mode', values: ['RO', 'RW'], at: (a) => (isObject(a.container) ? each(a.container.volumes, '/container/volumes', 'mode') : []) },
  {
    label: 'network',
    values: ['BRIDGE', 'HOST', 'NONE', 'USER'],
    at: (a) => (isObject(a.container) && isObject(a.container.docker) && typeof a.container.docker.network === 'string' ? ['/container/docker/network'] : []),
  },
  { label: 'protocol', values: ['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'], at: (a) => each(a.healthChecks, '/healthChecks', 'protocol') },
  { label: 'protocol', values: ['HTTP', 'HTTPS'], at: (a) => each(a.readinessChecks, '/readinessChecks', 'protocol') },
  // killSelection arrived in 1.4; earlier versions ignore the field.
  { label: 'kill selection', values: ['YOUNGEST_FIRST', 'OLDEST_FIRST'], at: (a) => (typeof a.killSelection === 'string' ? ['/killSelection'] : []), since: '1.4' },
];

export const enumCase: Rule = {
  id: 'enum-case',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { max: '1.4.9999' },
  layer: 'json',
  summary: 'Before Marathon 1.5, enum values are case-sensitive: "RW", not "rw".',
  marathonMessage: '<value> is not a valid <enum>',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const appRef = ctx.apps[ai];
      for (const field of enumFields) {
        if (field.since && !ctx.atLeast(field.since)) continue;
        for (const rel of field.at(appRef.app)) {
          const value = valueAt(appRef.app, rel);
          if (typeof value !== 'string') continue;
          const upper = value.toUpperCase();
          if (value === upper || !field.values.includes(upper)) continue;
          const pointer = appRef.pointer + rel;
          ctx.report({
            pointer,
            message:
              `Marathon rejects the value with "${value} is not a valid ${field.label}": Marathon ${ctx.profile.marathonVersion} matches enum values exactly (only 1.5+ ignores case). ` +
              `Write ${quoted(upper)}.`,
            fix: { title: `Use ${upper}`, edits: [{ op: 'replace', pointer, value: upper }] },
          });
        }
      }
    }
  },
};
