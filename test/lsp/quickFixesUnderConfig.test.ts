/**
 * Quick fixes where quickFixes.test.ts does not go: the rule fixtures that have a marathon-lint.config.json beside
 * them (opened at their own path over stdio, so the server reads that profile, as it would in the user's project),
 * and fixing a document completely, one light bulb after another (LF and CRLF): each fix applies, leaves strict
 * JSON, clears its finding, makes no new error where it fixed a warning, and the fixes come to an end.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { applyEdits, startClient, type TestClient } from './lspClient';
import { invalidRuleFixtures } from './invalidRuleFixtures';

let c: TestClient;
before(async () => {
  c = await startClient({ pull: true });
});
after(async () => {
  assert.equal(await c.shutdown(), 0);
});

let n = 0;

/** Diagnostics and quick fixes for `text` opened as a file in `dir` (under that directory's config, if any). */
async function fixesFor(dir: string, text: string): Promise<{ items: any[]; actions: any[]; uri: string }> {
  const uri = pathToFileURL(join(dir, `opened-${n++}.json`)).href;
  await c.open(uri, text);
  const items = ((await c.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as any[];
  const whole = { start: { line: 0, character: 0 }, end: { line: text.split(/\r\n|\r|\n/).length, character: 0 } };
  const actions: any[] = await c.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: whole, context: { diagnostics: items } });
  await c.close(uri);
  return { items, actions, uri };
}

const key = (d: any) => `${d.code} ${d.data?.pointer}`;

test('every quick fix on the fixtures under a config file applies, leaves strict JSON, clears its finding and makes no new error', { timeout: 300_000 }, async () => {
  const problems: string[] = [];
  let fixes = 0;
  for (const { rule, dir, file, text: lf } of invalidRuleFixtures(true)) {
    for (const eol of ['\n', '\r\n']) {
      const text = lf.replace(/\r?\n/g, eol);
      const name = `${rule}/${file}${eol === '\r\n' ? ' (CRLF)' : ''}`;
      const { items, actions, uri } = await fixesFor(dir, text);
      for (const action of actions) {
        fixes++;
        const what = `${name}: "${action.title}"`;
        const target = action.diagnostics[0];
        const fixed = applyEdits(text, action.edit.changes[uri]);
        try {
          JSON.parse(fixed);
        } catch (e) {
          problems.push(`${what} leaves invalid JSON (${(e as Error).message})`);
          continue;
        }
        if (eol === '\r\n' && /(^|[^\r])\n/.test(fixed)) problems.push(`${what} brings a bare LF into a CRLF document`);
        const afterFix = await fixesFor(dir, fixed);
        if (afterFix.items.some((d) => key(d) === key(target) && d.message === target.message)) problems.push(`${what} leaves its finding`);
        if (target.severity !== 1) {
          const had = new Set(items.map(key));
          for (const d of afterFix.items.filter((d) => d.severity === 1 && !had.has(key(d)))) problems.push(`${what} (fixing a ${target.code} warning) makes the error ${key(d)}: ${d.message}`);
        }
      }
    }
  }
  assert.ok(fixes > 20, `${fixes} fixes checked`);
  assert.deepEqual(problems, []);
});

test('fixing every finding, one light bulb after another, ends in strict JSON with none of the fixable findings left', { timeout: 300_000 }, async () => {
  const problems: string[] = [];
  for (const withConfig of [true, false]) {
    for (const { rule, dir, file, text: lf } of invalidRuleFixtures(withConfig)) {
      for (const eol of ['\n', '\r\n']) {
        let text = lf.replace(/\r?\n/g, eol);
        const name = `${rule}/${file}${eol === '\r\n' ? ' (CRLF)' : ''}`;
        const titles: string[] = [];
        for (let step = 0; ; step++) {
          const { actions, uri } = await fixesFor(dir, text);
          if (actions.length === 0) break;
          if (step === 10) {
            problems.push(`${name}: still offers fixes after ${titles.join(' → ')}`);
            break;
          }
          titles.push(actions[0].title);
          text = applyEdits(text, actions[0].edit.changes[uri]);
          try {
            JSON.parse(text);
          } catch (e) {
            problems.push(`${name}: after ${titles.join(' → ')} the document is no JSON (${(e as Error).message})`);
            break;
          }
        }
      }
    }
  }
  assert.deepEqual(problems, []);
});
