import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { podContainers } from '../../model/pod/podParts';
import { quoted } from '../../model/quoted';

const pattern = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

export const podContainerName: Rule = {
  id: 'pod-container-name',
  severity: 'error',
  kinds: ['pod'],
  // podContainer.raml's `name` pattern and maxLength: Marathon's JSON reader refuses it (`error.pattern`) before
  // PodsValidation's message could (marathon-rules.md §7).
  layer: 'json',
  summary: 'Pod container names are DNS labels: lower-case letters, digits and inner dashes, 1 to 63 characters.',
  marathonMessage: 'must contain only alphanumeric chars or hyphens, and must begin with a letter',
  fixable: true,
  check(ctx) {
    if (!isObject(ctx.root)) return;
    for (const c of podContainers(ctx.root)) {
      const name = c.value.name;
      if (typeof name !== 'string' || (pattern.test(name) && name.length <= 63)) continue;
      const pointer = joinPointer(c.pointer, 'name');
      const suggestion = name.toLowerCase().replace(/[^a-z0-9-]/g, '-').replace(/^-+|-+$/g, '').slice(0, 63).replace(/-+$/, '');
      const ok = suggestion !== '' && pattern.test(suggestion);
      ctx.report({
        pointer,
        message:
          `Marathon rejects the container name ${quoted(name)}: error.pattern ('^[a-z0-9]([-a-z0-9]*[a-z0-9])?$') / "must contain only alphanumeric chars or hyphens, and must begin with a letter". ` +
          `Container names become part of task ids and host names, so only lower-case letters, digits and inner "-" (at most 63) are allowed.` +
          (ok ? ` Rename it, e.g. to ${quoted(suggestion)}.` : ''),
        fix: ok ? { title: `Rename the container to ${quoted(suggestion)}`, edits: [{ op: 'replace', pointer, value: suggestion }] } : undefined,
      });
    }
  },
};
