// Every rule the engine can report has a docs page (CONTRIBUTING.md "Adding a rule"), the page agrees with the rule's
// metadata, its examples do what they claim, every page belongs to a rule, and docs/README.md (the index) is current.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { allRules, defaultProfile, lint, lintTogether, parseConfig, type Profile, type RuleMeta } from '../src/index';

const repoRoot = join(import.meta.dirname, '..', '..');
const docsDir = join(repoRoot, 'docs', 'rules');
const fixturesDir = join(import.meta.dirname, 'rules');
/** No document can make the engine crash on purpose, so its page has an `## Example` section instead. */
const noExamples = new Set(['internal-error']);
/** Its examples are marathon-lint.config.json files, not definitions. */
const configRule = 'config';

function sections(page: string): string[] {
  return [...page.matchAll(/^## (.+)$/gm)].map((m) => m[1].trim());
}

/** The `| key | value |` rows of the metadata table, keys lower-cased (older pages write "severity", newer "Severity"). */
function metaRows(page: string): Map<string, string> {
  const rows = new Map<string, string>();
  for (const m of page.matchAll(/^\| ([^|]+?) \| (.+) \|$/gm)) rows.set(m[1].trim().toLowerCase(), m[2].trim());
  return rows;
}

/** The first ```json block of a section, or undefined. */
function example(page: string, section: string): string | undefined {
  return new RegExp(`^## ${section}\\n+\`\`\`json\\n([\\s\\S]*?)\\n\`\`\``, 'm').exec(page)?.[1];
}

/** Pages quote messages produced under the profile of the rule's fixtures (test/rules/<id>/marathon-lint.config.json). */
function fixtureProfile(id: string): Profile {
  const file = join(fixturesDir, id, 'marathon-lint.config.json');
  return existsSync(file) ? parseConfig(readFileSync(file, 'utf8'), file).profile : defaultProfile;
}

/** A page whose rule needs a cluster shows the deployed root group its examples are placed into. */
function findingsOf(rule: RuleMeta, text: string, deployed?: string): string[] {
  if (rule.id === configRule) return parseConfig(text, 'marathon-lint.config.json').errors.map((e) => e.message);
  if (deployed !== undefined) return lintTogether([{ text }], { profile: fixtureProfile(rule.id), deployed: JSON.parse(deployed) })[0].diagnostics.filter((d) => d.ruleId === rule.id).map((d) => d.message);
  return lint(text, { profile: fixtureProfile(rule.id) }).diagnostics.filter((d) => d.ruleId === rule.id).map((d) => d.message);
}

for (const rule of allRules) {
  test(`docs/rules/${rule.id}.md`, () => {
    const file = join(docsDir, `${rule.id}.md`);
    assert.ok(existsSync(file), `rule ${rule.id} has no docs page: write docs/rules/${rule.id}.md (what, why, how to fix, examples)`);
    const page = readFileSync(file, 'utf8');
    const lines = page.split('\n');
    assert.equal(lines[0], `# ${rule.id}`, 'the page starts with the rule id as its title');
    assert.equal(lines[2], rule.summary, "the first paragraph is the rule's summary, word for word (hover and SARIF show the summary)");

    const rows = metaRows(page);
    assert.ok(rows.get('severity')?.startsWith(rule.severity), `the table's severity is the rule's default, ${rule.severity}; got ${rows.get('severity')}`);
    const fix = rows.get('quick fix');
    assert.ok(fix !== undefined, 'the table has a "Quick fix" row');
    assert.equal(fix !== 'no', rule.fixable === true, `"Quick fix" says ${fix}, but the rule is ${rule.fixable ? '' : 'not '}fixable`);

    const want = ['Why', 'How to fix', ...(noExamples.has(rule.id) ? ['Example'] : ['Invalid', 'Valid'])];
    const missing = want.filter((s) => !sections(page).includes(s));
    assert.deepEqual(missing, [], `sections missing from docs/rules/${rule.id}.md`);
    if (noExamples.has(rule.id)) return;

    const invalid = example(page, 'Invalid');
    const valid = example(page, 'Valid');
    assert.ok(invalid !== undefined && valid !== undefined, 'the Invalid and Valid sections each start with a ```json example');
    const deployed = example(page, 'Deployed root group');
    assert.notDeepEqual(findingsOf(rule, invalid, deployed), [], `the Invalid example does not yield ${rule.id}`);
    assert.deepEqual(findingsOf(rule, valid, deployed), [], `the Valid example yields ${rule.id}`);
  });
}

test('every docs page belongs to a rule', () => {
  const ids = new Set(allRules.map((r) => r.id));
  const orphans = readdirSync(docsDir).filter((f) => !(f.endsWith('.md') && ids.has(f.slice(0, -3))));
  assert.deepEqual(orphans, [], 'docs/rules/ pages without a rule in allRules (a removed rule, or a misspelt file name)');
});

test('docs/README.md is generated from the current rules', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(repoRoot, 'docs', 'generate-index.ts'), '--check'], { cwd: repoRoot, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr || r.stdout);
});
