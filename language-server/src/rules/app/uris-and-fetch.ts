import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { fetchFromUris } from '../../model/app/fetchFromUris';

const text = 'may not be set in conjunction with fetch';

export const urisAndFetch: Rule = {
  id: 'uris-and-fetch',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'The deprecated `uris` and its replacement `fetch` must not both be given.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const { uris, fetch } = ref.app;
      if (!Array.isArray(uris) || uris.length === 0 || !Array.isArray(fetch) || fetch.length === 0) continue;
      // Keep every fetch entry and add the uris it does not already fetch, so the fix loses nothing.
      const known = new Set(fetch.map((f) => (isObject(f) ? f.uri : undefined)));
      const merged = [...fetch, ...fetchFromUris(uris).filter((f) => !known.has(f.uri))];
      ctx.report({
        pointer: joinPointer(ref.pointer, 'uris'),
        target: 'key',
        message:
          `Marathon rejects the app: "${text}" (path /uris). \`uris\` is the deprecated form of \`fetch\` and Marathon will not ` +
          'merge the two. Move the uris into `fetch` and delete `uris`.',
        fix: {
          title: 'Move uris into fetch',
          edits: [
            { op: 'replace', pointer: joinPointer(ref.pointer, 'fetch'), value: merged },
            { op: 'remove', pointer: joinPointer(ref.pointer, 'uris') },
          ],
        },
      });
    }
  },
};
