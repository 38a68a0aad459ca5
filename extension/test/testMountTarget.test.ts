// "Marathon: Test Mount on Agent" from a keybinding or the palette comes without the lens's argument: it tests the
// volume under the cursor, else the app's only one, else offers the choice, else says what is needed. The candidates
// are exactly the lenses' (features/testMount.ts), so the command and the lens test the same volume.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createDocument } from '../../language-server/src/features/document';
import { findMountTargets } from '../../language-server/src/features/testMount';
import { testMountTargetAt, type TestMountTarget } from '../src/testMountTarget';

const uri = 'file:///ws/app.json';
const vol = (name: string, containerPath = 'data') => ({ containerPath, mode: 'RW', external: { name, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } });
const app = (id: string, volumes: unknown[]) => ({ id, cmd: 'sleep 1000', cpus: 0.1, mem: 64, container: { type: 'MESOS', volumes } });

/** The text and the offset of the first `marker` in it (the cursor put on that text). */
function at(doc: unknown, marker: string): [string, number] {
  const text = JSON.stringify(doc, null, 2);
  const i = text.indexOf(marker);
  assert.ok(i >= 0, `marker ${marker} is in the document`);
  return [text, i + 1];
}

const picked = (t: TestMountTarget) => ('args' in t ? t.args.volume.name : 'choose' in t ? t.choose.map((a) => a.volume.name) : t.none);

test('the volume under the cursor, wherever in its entry the cursor is', () => {
  const doc = app('/shop/db', [vol('one', 'first'), vol('two', 'second')]);
  assert.equal(picked(testMountTargetAt(uri, ...at(doc, '"second"'))), 'two');
  assert.equal(picked(testMountTargetAt(uri, ...at(doc, '"one"'))), 'one');
});

test('in an app with one volume, anywhere in the app; with several, the choice between them', () => {
  assert.equal(picked(testMountTargetAt(uri, ...at(app('/shop/db', [vol('only')]), '"cmd"'))), 'only');
  const two = testMountTargetAt(uri, ...at(app('/shop/db', [vol('one'), vol('two')]), '"cmd"'));
  assert.deepEqual(picked(two), ['one', 'two']);
  assert.match('choose' in two ? two.why : '', /2 volumes in this document/);
});

test('in a group: the app under the cursor decides; one without a volume is said, naming it', () => {
  const group = { id: '/shop', apps: [app('/shop/db', [vol('db-data')]), { id: 'web', cmd: 'serve', cpus: 0.1, mem: 64 }, app('/shop/cache', [vol('c1'), vol('c2')])] };
  assert.equal(picked(testMountTargetAt(uri, ...at(group, '"/shop/db"'))), 'db-data');
  const web = testMountTargetAt(uri, ...at(group, '"serve"'));
  assert.match(picked(web) as string, /^The app \/shop\/web under the cursor mounts no external volume.*this document has 3/);
  const cache = testMountTargetAt(uri, ...at(group, '"/shop/cache"'));
  assert.deepEqual(picked(cache), ['c1', 'c2']);
  assert.match('choose' in cache ? cache.why : '', /2 volumes in the app under the cursor/);
  // On the group itself: every volume of the document.
  assert.deepEqual(picked(testMountTargetAt(uri, ...at(group, '"/shop"'))), ['db-data', 'c1', 'c2']);
});

test('the env form and a Chronos job, as their lenses', () => {
  const env = { id: '/legacy', cmd: 'x', cpus: 0.1, mem: 64, env: { DVDI_VOLUME_NAME: 'legacy-data', DVDI_VOLUME_DRIVER: 'rexray' } };
  const t = testMountTargetAt(uri, ...at(env, '"x"'));
  assert.deepEqual('args' in t ? [t.args.volume.name, t.args.engine] : t, ['legacy-data', 'dvdi-module']);
  const job = { name: 'backup', command: 'tar c /data', schedule: 'R/2026-12-01T00:00:00Z/PT24H', container: { type: 'DOCKER', image: 'busybox', volumes: [{ containerPath: '/data', mode: 'RW', external: { name: 'backup', provider: 'rexray', options: [] } }] } };
  assert.equal(picked(testMountTargetAt(uri, ...at(job, '"schedule"'))), 'backup');
});

test('a document without any volume to mount says what Test mount needs', () => {
  const none = testMountTargetAt(uri, ...at({ id: '/web', cmd: 'serve', cpus: 0.1, mem: 64 }, '"serve"'));
  assert.match(picked(none) as string, /^Test mount needs a volume an agent would mount, and this document has none: .*external/);
  assert.ok('none' in testMountTargetAt(uri, '{"not": "marathon"}', 3));
  assert.ok('none' in testMountTargetAt(uri, '', 0));
});

test('any text, any cursor: never throws, and what it picks is one of the lenses\' arguments', () => {
  const base = JSON.stringify({ id: '/g', apps: [app('/g/a', [vol('a1'), vol('a2')]), app('/g/b', [vol('b1')])] }, null, 2);
  fc.assert(
    fc.property(fc.nat(base.length), fc.nat(base.length), fc.string({ maxLength: 8 }), fc.nat(base.length + 8), (cut, len, insert, cursor) => {
      const text = base.slice(0, cut) + insert + base.slice(Math.min(base.length, cut + (len % 12)));
      const t = testMountTargetAt(uri, text, Math.min(cursor, text.length));
      const lenses = findMountTargets(createDocument(uri, 0, text)).map((m) => JSON.stringify(m.args));
      const got = 'args' in t ? [t.args] : 'choose' in t ? t.choose : [];
      for (const g of got) assert.ok(lenses.includes(JSON.stringify(g)));
      if ('choose' in t) assert.ok(t.choose.length > 1);
      if ('none' in t) assert.ok(t.none.length > 0);
    }),
    { numRuns: 300 },
  );
});
