// The gate's content caches stay inside their budget: least recently used keys go first, a key larger than the
// whole budget is not kept, and what is kept is returned as stored.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ContentCache } from '../src/contentCache';

test('LRU within a character budget', () => {
  const c = new ContentCache<number>(10);
  c.set('aaaa', 1);
  c.set('bbbb', 2);
  assert.equal(c.get('aaaa'), 1); // now the most recently used
  c.set('cccc', 3); // 12 chars: the least recently used (bbbb) goes
  assert.equal(c.get('bbbb'), undefined);
  assert.equal(c.get('aaaa'), 1);
  assert.equal(c.get('cccc'), 3);
  c.set('x'.repeat(11), 4);
  assert.equal(c.get('x'.repeat(11)), undefined, 'a key over the whole budget is not kept');
});

test('any sequence of sets and gets: the last value set for a kept key, never over budget', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(fc.string({ maxLength: 8 }), fc.integer()), { maxLength: 60 }), fc.integer({ min: 1, max: 40 }), (ops, budget) => {
      const c = new ContentCache<number>(budget);
      const first = new Map<string, number>();
      for (const [k, v] of ops) {
        if (!first.has(k) || c.get(k) === undefined) first.set(k, v);
        c.set(k, v);
      }
      let kept = 0;
      for (const [k, v] of first) {
        const got = c.get(k);
        if (got !== undefined) {
          kept += k.length;
          assert.equal(got, v);
        }
      }
      assert.ok(kept <= budget);
    }),
  );
});
