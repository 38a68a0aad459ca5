// Each docs/rules/<id>.md page as a reader follows it: its examples linted under the profile the page states
// ("(profile: Marathon 1.4, features […], mesosRole `x`, defaultNetworkName `y`)", each part left out meaning
// marathon-lint's default; no statement: the defaults a file with no marathon-lint.config.json gets), not the
// profile of the rule's fixtures. Every Invalid example yields the rule, no Valid example has an error of any
// rule (it "shows a definition Marathon accepts"), and every quoted message ("> …" after "What the linter says" or
// "marathon-lint reports at `/pointer`") is word for word a finding of the (first) Invalid example, at that pointer.
// language-server/test/ruleDocs.test.ts checks the pages against the rules' metadata and fixtures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defaultProfile, lint, lintTogether, parseConfig, type Diagnostic, type Profile } from '../../language-server/src/index';

const docsDir = join(dirname(fileURLToPath(import.meta.url)), '../../docs/rules');
/** Its examples are marathon-lint.config.json files, judged by parseConfig. */
const configRule = 'config';

/** The profile a page states for its examples, or the defaults. */
function statedProfile(page: string): Profile {
  const said = /\(profile: ([^)]*)\)/.exec(page)?.[1];
  if (said === undefined) return defaultProfile;
  const version = /Marathon (\d+\.\d+(?:\.\d+)?)/.exec(said)?.[1];
  const features = /features \[([^\]]*)\]/.exec(said)?.[1];
  const role = /mesosRole `([^`]+)`/.exec(said)?.[1];
  const network = /defaultNetworkName (?:`([^`]+)`|(null))/.exec(said);
  return {
    ...defaultProfile,
    ...(version !== undefined && { marathonVersion: version }),
    ...(features !== undefined && { features: features.split(',').map((f) => f.trim()).filter(Boolean) }),
    ...(role !== undefined && { mesosRole: role }),
    ...(network !== null && { defaultNetworkName: network[1] ?? null }),
  } as Profile;
}

/** The ```json blocks of a section (up to the next "## "). */
function examples(page: string, section: string): string[] {
  const body = new RegExp(`^## ${section}\\n([\\s\\S]*?)(?=^## |(?![\\s\\S]))`, 'm').exec(page)?.[1] ?? '';
  return [...body.matchAll(/^```json\n([\s\S]*?)\n```$/gm)].map((m) => m[1]);
}

/** Quoted linter output: "> message" lines, each with the pointer the sentence before it names, if any. */
function quotes(page: string): { message: string; pointer?: string }[] {
  const out: { message: string; pointer?: string }[] = [];
  let pointer: string | undefined;
  for (const line of page.split('\n')) {
    const at = /reports at `([^`]*)`:$/.exec(line);
    if (at) pointer = at[1];
    if (line.startsWith('> ')) out.push({ message: line.slice(2), pointer });
  }
  return out;
}

function findings(id: string, text: string, profile: Profile, deployed: string | undefined): Diagnostic[] {
  if (id === configRule) return parseConfig(text, 'marathon-lint.config.json').errors;
  if (deployed !== undefined) return lintTogether([{ text }], { profile, deployed: JSON.parse(deployed) })[0].diagnostics;
  return lint(text, { profile }).diagnostics;
}

for (const file of readdirSync(docsDir).filter((f) => f.endsWith('.md')).sort()) {
  const id = file.slice(0, -3);
  test(`docs/rules/${file}: its examples and quoted messages, under the profile it states`, () => {
    const page = readFileSync(join(docsDir, file), 'utf8');
    const profile = statedProfile(page);
    const deployed = examples(page, 'Deployed root group')[0];
    const invalid = examples(page, 'Invalid');
    const valid = examples(page, 'Valid');
    const said = quotes(page);
    if (invalid.length === 0) return; // internal-error: no document makes a rule fail on purpose (ruleDocs.test.ts)
    const stated = /\(profile: [^)]*\)/.exec(page)?.[0] ?? 'no stated profile: the defaults';
    invalid.forEach((text, i) => {
      const got = findings(id, text, profile, deployed).filter((d) => d.ruleId === id);
      assert.notDeepEqual(got, [], `Invalid example ${i + 1} does not yield ${id} under ${stated}: state the profile it needs as "(profile: …)"`);
    });
    valid.forEach((text, i) => {
      const errors = findings(id, text, profile, deployed).filter((d) => d.severity === 'error');
      assert.deepEqual(errors.map((d) => `${d.ruleId} at ${d.pointer}: ${d.message}`), [], `Valid example ${i + 1} has errors under ${stated}`);
    });
    const first = findings(id, invalid[0], profile, deployed);
    for (const q of said) {
      const match = first.filter((d) => d.message === q.message);
      assert.ok(match.length > 0, `quoted, but not what marathon-lint says about the Invalid example:\n  ${q.message}\nit says:\n${first.map((d) => `  ${d.ruleId}: ${d.message}`).join('\n')}`);
      if (q.pointer !== undefined) assert.ok(match.some((d) => d.pointer === q.pointer), `the quoted message is reported at ${match.map((d) => d.pointer).join(', ')}, not ${q.pointer}`);
    }
  });
}
