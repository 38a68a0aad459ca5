import type { Rule, RuleContext } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { portMappingsOfRef } from '../../model/app/networking';
import { quoted } from '../../model/quoted';

const text = 'Port names must be unique.';

export const portNamesUnique: Rule = {
  id: 'port-names-unique',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Port names are unique within `portDefinitions` and within the port mappings.',
  marathonMessage: text,
  check(ctx) {
    // Pointers and sets only for lists that can hold a duplicate: this runs for every app of every group.
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const defs = ref.app.portDefinitions;
      if (Array.isArray(defs) && defs.length > 1) reportDuplicates(ctx, defs, joinPointer(ref.pointer, 'portDefinitions'));
      const mappings = portMappingsOfRef(ref);
      if (mappings && mappings.mappings.length > 1) reportDuplicates(ctx, mappings.mappings, mappings.pointer);
    }
  },
};

function reportDuplicates(ctx: RuleContext, list: unknown[], pointer: string): void {
  const seen = new Set<string>();
  for (let i = 0; i < list.length; i++) {
    const p = list[i];
    if (!isObject(p) || typeof p.name !== 'string') continue;
    if (seen.has(p.name)) {
      ctx.report({
        pointer: joinPointer(pointer, i, 'name'),
        message: `Marathon rejects the app: "${text}" The name ${quoted(p.name)} is used twice; health checks, readiness checks and service discovery find ports by name. Rename one.`,
      });
    }
    seen.add(p.name);
  }
}
