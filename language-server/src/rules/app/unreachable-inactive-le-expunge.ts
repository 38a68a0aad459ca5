import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';

export const unreachableInactiveLeExpunge: Rule = {
  id: 'unreachable-inactive-le-expunge',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'unreachableStrategy.inactiveAfterSeconds must not exceed expungeAfterSeconds.',
  marathonMessage: 'inactiveAfterSeconds (<a>) must be less or equal to expungeAfterSeconds, which is <b>',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const s = ref.app.unreachableStrategy;
      // Only when both are given: the RAML defaults differ between versions, so a lone value is not judged.
      if (!isObject(s) || typeof s.inactiveAfterSeconds !== 'number' || typeof s.expungeAfterSeconds !== 'number') continue;
      if (s.inactiveAfterSeconds <= s.expungeAfterSeconds) continue;
      ctx.report({
        pointer: joinPointer(ref.pointer, 'unreachableStrategy', 'inactiveAfterSeconds'),
        message:
          `Marathon rejects the app: "inactiveAfterSeconds (${s.inactiveAfterSeconds}) must be less or equal to expungeAfterSeconds, which is ${s.expungeAfterSeconds}". ` +
          'A task is first marked inactive (and replaced), then expunged; expunging it before it is even inactive makes no sense. ' +
          'Raise expungeAfterSeconds or lower inactiveAfterSeconds.',
      });
    }
  },
};
