/**
 * The JSON layer of an external volume. From 1.5 on, a malformed external volume fails every branch
 * of the RAML volume union and Marathon reports only the last branch's error (about `hostPath`), which
 * hides the real mistake; this rule names the field instead.
 */
import { isObject, joinPointer } from '../../model/documentModel';
import type { Report, Rule } from '../../core/rule';
import { externalVolumesOf } from '../../model/volume/externalVolumes';
import { quoted } from '../../model/quoted';

const unionMessage = "'hostPath' is undefined on object: {...}";

const isMode = (m: string) => m === 'RW' || m === 'RO';

export const externalVolumeJsonShape: Rule = {
  id: 'external-volume-json-shape',
  severity: 'error',
  kinds: ['app', 'group'],
  layer: 'json',
  summary: 'An external volume has the JSON shape Marathon reads: containerPath, mode, external {name, provider, size, options, shared} with the right types.',
  marathonMessage: unionMessage,
  fixable: true,
  check(ctx) {
    const raml = ctx.atLeast('1.5');
    // Before 1.5 play-json reported the field itself; from 1.5 the union hides it behind hostPath.
    const quote = (legacy: string) => (raml ? `Marathon rejects the volume with a message about "hostPath" (it tries every volume form and names the last one's field), but the problem is here` : `"${legacy}"`);
    for (const v of externalVolumesOf(ctx)) {
      const e = v.external;
      const out: Report[] = [];
      const at = (field: string) => joinPointer(v.externalPointer, field);
      if (v.volume.mode === undefined) {
        out.push({ pointer: v.pointer, target: 'key', missing: 'mode', message: `${quote('error.path.missing')}: the volume has no "mode". Add "mode": "RW" (or "RO" where the containerizer allows it).` });
      } else if (typeof v.volume.mode !== 'string' || !isMode(v.volume.mode.toUpperCase())) {
        out.push({ pointer: joinPointer(v.pointer, 'mode'), message: `${quote('error.expected.jsstring')}: "mode" must be "RW" or "RO".` });
      }
      if (v.volume.containerPath !== undefined && typeof v.volume.containerPath !== 'string') {
        out.push({ pointer: joinPointer(v.pointer, 'containerPath'), message: `${quote('error.expected.jsstring')}: "containerPath" must be a string.` });
      }
      for (const field of ['name', 'provider'] as const) {
        if (e[field] === undefined) {
          // 1.5+: optional in RAML, reported by external-volume-name-required / -provider-required instead.
          if (!raml) out.push({ pointer: v.externalPointer, target: 'key', missing: field, message: `Marathon rejects external/${field} with "error.path.missing": Marathon before 1.5 requires "${field}" in the JSON. Add it.` });
        } else if (typeof e[field] !== 'string') {
          out.push({ pointer: at(field), message: `${quote('error.expected.jsstring')}: "external.${field}" must be a string.` });
        }
      }
      if (e.size !== undefined && !(typeof e.size === 'number' && Number.isInteger(e.size) && e.size >= 0)) {
        out.push({ pointer: at('size'), message: `${quote('error.expected.int')}: "external.size" must be a whole number of GiB, 0 or more.` });
      }
      if (e.options !== undefined) {
        if (!isObject(e.options)) {
          out.push({ pointer: at('options'), message: `${quote('error.expected.jsobject')}: "external.options" must be an object of string values, e.g. {"dvdi/driver": "rexray"}.` });
        } else {
          for (const k in e.options) {
            const val = e.options[k];
            if (typeof val === 'number' || typeof val === 'boolean') {
              out.push({
                pointer: joinPointer(v.externalPointer, 'options', k),
                message: `${quote('error.expected.jsstring')}: option values are strings. Write ${quoted(String(val))}.`,
                fix: { title: `Quote the value of ${k}`, edits: [{ op: 'replace', pointer: joinPointer(v.externalPointer, 'options', k), value: String(val) }] },
              });
            } else if (typeof val !== 'string') {
              // An object, a list or null has no string form the user meant: say what is wanted, offer no fix.
              const what = val === null ? 'null' : Array.isArray(val) ? 'a list' : 'an object';
              out.push({
                pointer: joinPointer(v.externalPointer, 'options', k),
                message: `${quote('error.expected.jsstring')}: option values are strings, and ${quoted(k)} is ${what}. Give one string, e.g. ${k === 'dvdi/driver' ? '"rexray"' : '"value"'}.`,
              });
            }
          }
        }
      }
      if (e.shared !== undefined && typeof e.shared !== 'boolean') {
        const asBool = e.shared === 'true' ? true : e.shared === 'false' ? false : undefined;
        out.push({
          pointer: at('shared'),
          message:
            `${quote('error.expected.jsboolean')}: "external.shared" must be a JSON boolean` +
            (typeof e.shared === 'string' ? ' (the Marathon 1.8 changelog shows the string "true", which Marathon itself rejects).' : '.') +
            ' Write true or false without quotes.',
          fix: asBool === undefined ? undefined : { title: `Set shared to ${asBool}`, edits: [{ op: 'replace', pointer: at('shared'), value: asBool }] },
        });
      }
      out.forEach((r) => ctx.report(r));
    }
  },
};
