import { test } from 'node:test';
import assert from 'node:assert/strict';
import { definition } from '../../src/features/definition';
import { at, json } from './inline';

// [case, document with `|` in a dependencies entry, the `"id": …` text the definition must cover (none: no definition)]
const cases: [string, string, string | undefined][] = [
  ['relative id, resolved against the group', "{'id': '/g', 'apps': [{'id': 'db', 'cmd': 'x'}, {'id': 'web', 'cmd': 'x', 'dependencies': ['d|b']}]}", "'id': 'db'"],
  ['absolute id', "{'id': '/g', 'apps': [{'id': '/g/db', 'cmd': 'x'}, {'id': 'web', 'cmd': 'x', 'dependencies': ['/g/d|b']}]}", "'id': '/g/db'"],
  ['../ into a sibling group', "{'id': '/g', 'groups': [{'id': '/g/data', 'apps': [{'id': 'pg', 'cmd': 'x'}]}, {'id': '/g/web', 'apps': [{'id': 'ui', 'cmd': 'x', 'dependencies': ['../data/p|g']}]}]}", "'id': 'pg'"],
  ['an id not in the file', "{'id': '/g', 'apps': [{'id': 'web', 'cmd': 'x', 'dependencies': ['/elsewhere/d|b']}]}", undefined],
  ['a string outside dependencies', "{'id': '/g', 'apps': [{'id': 'web', 'cmd': 'x', 'args': ['d|b']}, {'id': 'db', 'cmd': 'x'}]}", undefined],
];

for (const [name, text, target] of cases) {
  test(`definition: ${name}`, () => {
    const source = json(text);
    const { doc, offset } = at(source);
    const locations = definition(doc, offset);
    if (target === undefined) return assert.deepEqual(locations, []);
    const start = doc.text.indexOf(json(target));
    assert.ok(start >= 0, 'target text is in the document');
    assert.deepEqual(locations, [{ uri: doc.uri, range: { start: doc.lines.positionAt(start), end: doc.lines.positionAt(start + target.length) } }]);
  });
}
