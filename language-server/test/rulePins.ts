/**
 * Pinned messages: beside each rule's invalid fixture, `<fixture>.findings.txt` holds every finding the engine
 * gives it (range, severity, rule, pointer, message), so changing a message shows in review and gutting one
 * fails pins.test.ts. Refresh with `npm run pins` after an intended change and review the diff.
 */
import { existsSync, readFileSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { allRules, type Diagnostic } from '../src/index';
import { type Fixture, fixturesDir, fixturesOf, lintFixture, profileFor } from './ruleFixtures';

export const pinSuffix = '.findings.txt';
/** Engine findings no document can produce (config problems, rule crashes): they have no document fixtures. */
const notDocumentRules = new Set(['config', 'internal-error']);

export function pinPathOf(fixture: Fixture): string {
  return fixture.path.replace(/\.json$/, pinSuffix);
}

/** Every invalid fixture of every rule, in rule order. */
export function invalidFixtures(): Fixture[] {
  return allRules.filter((r) => !notDocumentRules.has(r.id)).flatMap((r) => fixturesOf(r.id).fixtures.filter((f) => f.expect === 'invalid'));
}

const span = ({ start, end }: Diagnostic['range']) => `${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;

/** A finding, then each of its related locations (where a syntax error's parser gave up) as `  related <range> <message>`. */
function renderOne(d: Diagnostic): string {
  const message = d.message.split('\n').map((l) => `  ${l}`).join('\n');
  const related = (d.related ?? []).map((r) => `  related ${span(r.range)} ${r.message}\n`).join('');
  return `${span(d.range)} ${d.severity} ${d.ruleId} #${d.pointer}\n${message}\n${related}`;
}

/** The pin text of one fixture: a header, then each finding as `line:col-line:col severity rule #pointer` and its message. */
export function renderPins(fixture: Fixture): string {
  const profile = profileFor(fixture.config);
  const { diagnostics } = lintFixture(fixture, profile);
  const on = (fixture.config ? relative(fixturesDir, fixture.config) : 'default profile') + (fixture.deployed ? `, deployed ${relative(fixturesDir, fixture.deployed)}` : '');
  const header = `# ${diagnostics.length} finding(s) of ${fixture.name} (Marathon ${profile.marathonVersion}, ${on}); refresh: npm run pins\n`;
  return header + diagnostics.map(renderOne).join('');
}

/** Pin files that belong to no invalid fixture (a fixture renamed or deleted). */
export function orphanPins(fixtures: readonly Fixture[]): string[] {
  const expected = new Set(fixtures.map(pinPathOf));
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (name.endsWith(pinSuffix) && !expected.has(p)) out.push(p);
    }
  };
  walk(fixturesDir);
  return out;
}

/** Writes every pin file that differs and deletes orphans; returns what changed, relative to the fixtures. */
export function refreshPins(): { written: string[]; removed: string[] } {
  const fixtures = invalidFixtures();
  const written: string[] = [];
  for (const f of fixtures) {
    const path = pinPathOf(f);
    const text = renderPins(f);
    if (existsSync(path) && readFileSync(path, 'utf8') === text) continue;
    writeFileSync(path, text);
    written.push(relative(fixturesDir, path));
  }
  const removed = orphanPins(fixtures).map((p) => {
    unlinkSync(p);
    return relative(fixturesDir, p);
  });
  return { written, removed };
}
