// A "Test mount" lens carries the volume's pointer as it was when the lens was drawn; clicked after an edit (VS Code
// keeps showing the old lens until the new ones arrive), the pointer may name nothing, or another app's volume.
// Before, Test mount with a cluster then found no owner and fell back to the agents added by hand, as if no cluster
// were set, or placed the volume as whatever app now stood at the pointer. Now the volume is found again in the
// current text (by name, driver and engine), or the user is told the lens is out of date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDocument } from '../../language-server/src/features/document';
import { findMountTargets } from '../../language-server/src/features/testMount';
import { lensTargetNow } from '../src/lensTargetNow';

const uri = 'file:///ws/group.json';
const vol = (name: string) => ({ containerPath: 'data', mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
const app = (id: string, volumes: unknown[]) => ({ id, cmd: 'sleep 1000', cpus: 0.1, mem: 64, container: { type: 'MESOS', volumes } });
const group = (apps: unknown[]) => JSON.stringify({ id: '/shop', apps }, null, 2);
const lensesOf = (text: string) => findMountTargets(createDocument(uri, 0, text)).map((t) => t.args);

test('unchanged: the lens as it was', () => {
  const text = group([app('/shop/db', [vol('db-data')])]);
  const [lens] = lensesOf(text);
  assert.deepEqual(lensTargetNow(text, lens), { args: lens });
});

test('an app added above: the lens\'s volume is found where it is now, not the volume now at its old pointer', () => {
  const before = group([app('/shop/db', [vol('db-data')])]);
  const [lens] = lensesOf(before);
  const after = group([app('/shop/cache', [vol('cache-data')]), app('/shop/db', [vol('db-data')])]);
  const now = lensTargetNow(after, lens);
  assert.ok('args' in now, JSON.stringify(now));
  assert.equal(now.args.pointer, '/apps/1/container/volumes/0/external');
  assert.equal(now.args.volume.name, 'db-data');
});

test('the volume gone (renamed) or no longer one of a kind: the lens is said to be out of date, with what to do', () => {
  const before = group([app('/shop/db', [vol('db-data')])]);
  const [lens] = lensesOf(before);
  const renamed = lensTargetNow(group([app('/shop/db', [vol('db-data-2')])]), lens);
  assert.ok('stale' in renamed);
  assert.match(renamed.stale, /^The "Test mount" lens of volume db-data is out of date: the document changed after it was drawn and has no volume db-data \(rexray\) any more\..*lens again.*"Marathon: Test Mount on Agent"/);
  const twice = lensTargetNow(group([app('/shop/web', [vol('web-data')]), app('/shop/a', [vol('db-data')]), app('/shop/b', [vol('db-data')])]), lens);
  assert.ok('stale' in twice);
  assert.match(twice.stale, /has 2 volumes db-data \(rexray\), none at \/apps\/0\/container\/volumes\/0\/external/);
});

test('any edit: the answer is a volume of the current text with the lens\'s name, or "stale"', () => {
  const names = fc.constantFrom('a', 'b', 'c');
  fc.assert(
    fc.property(fc.array(fc.array(names, { maxLength: 3 }), { minLength: 1, maxLength: 3 }), fc.array(fc.array(names, { maxLength: 3 }), { maxLength: 3 }), (before, after) => {
      const lenses = lensesOf(group(before.map((v, i) => app(`/shop/x${i}`, v.map(vol)))));
      const text = group(after.map((v, i) => app(`/shop/y${i}`, v.map(vol))));
      const now = lensesOf(text);
      for (const lens of lenses) {
        const r = lensTargetNow(text, lens);
        if ('args' in r) assert.ok(now.some((n) => n.pointer === r.args.pointer && n.volume.name === lens.volume.name));
        else {
          const same = now.filter((n) => n.volume.name === lens.volume.name);
          assert.ok(same.length !== 1 && !same.some((n) => n.pointer === lens.pointer), 'stale only when the volume is not found again');
        }
      }
    }),
  );
});
