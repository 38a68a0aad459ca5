/**
 * `{"key": "env", "value": "PGDATA:/var/lib/pg"}` becomes `docker run --env PGDATA:/var/lib/pg`: without "=" Docker
 * takes the whole text as a variable *name* to copy from the agent's own environment, where it is not set, so
 * the container never sees it. The same happens for an empty name.
 */
import type { Rule } from '../../core/rule';
import { dockerParametersOf } from '../../model/docker/dockerParameters';
import { quoted } from '../../model/quoted';

export const dockerEnvParameter: Rule = {
  id: 'docker-env-parameter',
  severity: 'warning',
  kinds: ['app', 'group'],
  summary: 'An `env` Docker parameter is written NAME=value (Docker copies a bare NAME from the agent\'s environment).',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      for (const e of dockerParametersOf(ref).env) {
        const eq = e.value.indexOf('=');
        if (eq > 0) continue;
        const sep = /^([A-Za-z_][A-Za-z0-9_]*)\s*[:]\s*(.*)$/.exec(e.value);
        const fixed = sep ? `${sep[1]}=${sep[2]}` : undefined;
        ctx.report({
          pointer: e.valuePointer,
          message:
            (eq === 0
              ? `The env parameter ${quoted(e.value)} has no variable name before "=", and Docker refuses it ("invalid environment variable").`
              : `The env parameter ${quoted(e.value)} has no "=", so Docker reads it as the name of a variable to copy from the agent's environment, where it is not set: the container does not get it.`) +
            (fixed ? ` Write ${quoted(fixed)}.` : ' Write NAME=value, or put the variable in the app\'s "env".'),
          fix: fixed ? { title: `Write ${quoted(fixed)}`, edits: [{ op: 'replace', pointer: e.valuePointer, value: fixed }] } : undefined,
        });
      }
    }
  },
};
