import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

const text = 'URI has invalid syntax.';

/**
 * Approximates java.net.URI's parser: RFC 2396 forbids spaces, control characters and `"<>\^`{|}`
 * unescaped, and every `%` must start a two-digit hex escape.
 */
function invalidUri(uri: string): string | undefined {
  const bad = /[\s\x00-\x1f\x7f"<>\\^`{|}]/.exec(uri);
  if (bad) return bad[0] === ' ' ? 'a space' : `the character ${quoted(bad[0])}`;
  if (/%(?![0-9a-fA-F]{2})/.test(uri)) return 'a "%" that does not start a %XX escape';
  return undefined;
}

export const fetchUriValid: Rule = {
  id: 'fetch-uri-valid',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Every `fetch[].uri` and `uris[]` entry parses as a URI.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const entries: [string, unknown][] = [];
      if (Array.isArray(ref.app.fetch)) ref.app.fetch.forEach((f, i) => isObject(f) && entries.push([joinPointer(ref.pointer, 'fetch', i, 'uri'), f.uri]));
      if (Array.isArray(ref.app.uris)) ref.app.uris.forEach((u, i) => entries.push([joinPointer(ref.pointer, 'uris', i), u]));
      for (const [pointer, uri] of entries) {
        if (typeof uri !== 'string') continue;
        const why = invalidUri(uri);
        if (!why) continue;
        ctx.report({
          pointer,
          message:
            `Marathon rejects the app: "${text}" The URI contains ${why}, which java.net.URI refuses. ` +
            'Percent-encode it (a space is %20).',
        });
      }
    }
  },
};
