import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { fetchFromUris } from '../../model/app/fetchFromUris';

export const urisDeprecated: Rule = {
  id: 'uris-deprecated',
  severity: 'info',
  kinds: ['app', 'group'],
  summary: '`uris` is deprecated in favour of `fetch`, which also controls extraction, executability and caching.',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const { uris, fetch } = ref.app;
      // With a non-empty fetch as well, uris-and-fetch reports the (fatal) combination instead.
      if (!Array.isArray(uris) || (Array.isArray(fetch) && fetch.length > 0)) continue;
      const edits = [
        { op: fetch == null ? ('add' as const) : ('replace' as const), pointer: joinPointer(ref.pointer, 'fetch'), value: fetchFromUris(uris) },
        { op: 'remove' as const, pointer: joinPointer(ref.pointer, 'uris') },
      ];
      ctx.report({
        pointer: joinPointer(ref.pointer, 'uris'),
        target: 'key',
        message:
          '`uris` is deprecated: Marathon translates it into `fetch` entries, and `fetch` lets you say whether each file is ' +
          'extracted, made executable or cached. Replace `uris` with `fetch: [{"uri": …}]`.',
        fix: { title: 'Convert uris to fetch', edits },
      });
    }
  },
};
