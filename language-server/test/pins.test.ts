// Pinned messages (rulePins.ts): every invalid rule fixture's findings equal the pin file beside it, so a message
// changed or gutted without `npm run pins` (and a reviewed diff) fails here, naming the fixture.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fixturesDir } from './ruleFixtures';
import { invalidFixtures, orphanPins, pinPathOf, renderPins } from './rulePins';

const fixtures = invalidFixtures();

test('pins: there are invalid fixtures to pin (the walk itself works)', () => {
  assert.ok(fixtures.length > 150, `only ${fixtures.length} invalid fixtures found`);
});

test('pins: a changed message shows as a difference (the comparison can fail)', () => {
  const f = fixtures[0];
  const text = renderPins(f);
  assert.notEqual(text.replace(/\n  (.*)\n/, '\n  $1 (edited)\n'), text);
  assert.match(text, /^# \d+ finding\(s\) of /);
});

for (const f of fixtures) {
  test(`pins: ${f.name}`, () => {
    const pin = pinPathOf(f);
    const shown = relative(fixturesDir, pin);
    assert.ok(existsSync(pin), `${shown} is missing: run npm run pins and review the new file`);
    assert.equal(renderPins(f), readFileSync(pin, 'utf8'), `${f.name}: findings differ from ${shown}; if the change is intended, run npm run pins and review the diff`);
  });
}

test('pins: no pin file without its fixture', () => {
  assert.deepEqual(orphanPins(fixtures).map((p) => relative(fixturesDir, p)), [], 'run npm run pins to remove them');
});
