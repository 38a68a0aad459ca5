import { joinPointer } from '../../model/documentModel';
import type { Rule, RuleContext } from '../../core/rule';
import { likeVerdict } from '../../model/app/likeVerdicts';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';
import { quoted } from '../../model/quoted';

function problem(ctx: RuleContext, c: unknown): string | undefined {
  if (!Array.isArray(c) || c.length < 2 || c.some((x) => typeof x !== 'string')) return 'Marathon rejects the volume constraint with "Missing field and operator": a volume constraint is ["path", "LIKE" or "UNLIKE", "<regex>"].';
  const [field, op, value] = c as string[];
  if (field !== 'path') return `Marathon rejects the volume constraint with "Unsupported constraint ${JSON.stringify(c)}": volume constraints can only match the disk "path". Use ["path", "LIKE", "<regex>"].`;
  if (op !== 'LIKE' && op !== 'UNLIKE') return `Marathon rejects the volume constraint with "Operator must be one of LIKE, UNLIKE": ${quoted(op)} is not supported for volume constraints.`;
  // Marathon compiles the value with java.util.regex: Java-only syntax such as (?i) is valid there.
  const error = value === undefined ? undefined : likeVerdict(ctx, value).error;
  if (value === undefined || error !== undefined) {
    const why = error === undefined ? '' : ` (${error})`;
    return `Marathon rejects the volume constraint with "Invalid regular expression": ${quoted(value ?? '')} is not a regular expression${why}. Give a pattern such as "/mnt/ssd.*".`;
  }
  return undefined;
}

export const persistentVolumeConstraint: Rule = {
  id: 'persistent-volume-constraint',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'Each persistent volume constraint is ["path", "LIKE" | "UNLIKE", "<regex>"].',
  marathonMessage: 'Unsupported constraint <c> / Operator must be one of LIKE, UNLIKE / Invalid regular expression / Missing field and operator',
  check(ctx) {
    for (const v of persistentVolumesOf(ctx)) {
      const constraints = v.persistent.constraints;
      if (!Array.isArray(constraints)) continue;
      constraints.forEach((c, i) => {
        const message = problem(ctx, c);
        if (message) ctx.report({ pointer: joinPointer(v.persistentPointer, 'constraints', i), message });
      });
    }
  },
};
