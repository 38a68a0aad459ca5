import { isObject } from '../../model/documentModel';
import type { Fix } from '../../core/types';
import type { Rule } from '../../core/rule';
import { chronosVolumesOf } from '../../model/chronos/chronosVolumes';
import { quoted } from '../../model/quoted';

export const chronosExternalVolume: Rule = {
  id: 'chronos-external-volume',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'A Chronos external volume has a name, a provider (the Docker volume driver) and options as [{key, value}].',
  fixable: true,
  check(ctx) {
    for (const { pointer, volume } of chronosVolumesOf(ctx)) {
      const ext = volume.external;
      // null: chronos-null-fails (a NullPointerException); a null name or provider: chronos-null-value (the text "null").
      if (ext === undefined || ext === null) continue;
      const at = `${pointer}/external`;
      if (!isObject(ext)) {
        ctx.report({ pointer: at, message: '"external" must be an object {name, provider, options}; Chronos fails with a NullPointerException (HTTP 500) otherwise.' });
        continue;
      }
      for (const field of ['name', 'provider'] as const) {
        if (ext[field] === null || (typeof ext[field] === 'string' && ext[field] !== '')) continue;
        ctx.report({
          pointer: ext[field] === undefined ? at : `${at}/${field}`,
          target: ext[field] === undefined ? 'key' : 'value',
          ...(ext[field] === undefined ? { missing: field } : {}),
          message: `The external volume has no ${field}: Chronos reads it without checking and fails with a NullPointerException (HTTP 500). Add "${field}"${field === 'provider' ? ', the Docker volume driver such as "rexray"' : ''}.`,
        });
      }
      if (ext.provider === 'dvdi') {
        const driver = isObject(ext.options) ? ext.options['dvdi/driver'] : undefined;
        ctx.report({
          pointer: `${at}/provider`,
          message:
            'Chronos passes "provider" to Mesos as the Docker volume driver, so "dvdi" (Marathon\'s provider name) makes the agent look for a plugin called dvdi. ' +
            `Write the driver itself${typeof driver === 'string' ? `, ${quoted(driver)}` : ', e.g. "rexray"'}.`,
          fix: typeof driver === 'string' ? { title: `Use provider ${driver}`, edits: [{ op: 'replace', pointer: `${at}/provider`, value: driver }] } : undefined,
        });
      }
      // null: no options, as when left out (`.elements()` of a NullNode is empty, JobDeserializer.scala:255).
      if (ext.options === undefined || ext.options === null) continue;
      if (isObject(ext.options)) {
        // Marathon's map form: convert to Chronos' list form, dropping Marathon's dvdi/ prefix and driver key.
        const list = Object.entries(ext.options)
          .filter(([k]) => k !== 'dvdi/driver')
          .map(([k, v]) => ({ key: k.replace(/^dvdi\//, ''), value: String(v) }));
        const fix: Fix = { title: 'Write options as [{key, value}]', edits: [{ op: 'replace', pointer: `${at}/options`, value: list }] };
        ctx.report({ pointer: `${at}/options`, message: 'Chronos reads external volume options as an array of {"key", "value"} objects, not as a map (that is Marathon\'s form). Rewrite them as a list.', fix });
      // An item missing key or value: the schema says which; a null item: chronos-null-fails.
      } else if (!Array.isArray(ext.options) || ext.options.some((o) => o !== null && !isObject(o))) {
        ctx.report({ pointer: `${at}/options`, message: 'Chronos reads external volume options as an array of {"key": "…", "value": "…"} objects; other shapes fail when the job is read. Rewrite them in that form.' });
      }
    }
  },
};
