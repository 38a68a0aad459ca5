/**
 * Issue 11's first hour, in headless Neovim 0.7 (Debian 12) as the user's editor, through the bundled server:
 * an empty file gets skeletons and our `$schema`s, an `id` alone is completed as an app, one typo is one
 * finding and its rename edits only the key, the fixes the messages ask for are offered and applied, hover
 * says what the rules say, and the Test mount lens runs on a real dvdi-bridge through workspace/executeCommand.
 * Lua driver: test/lsp/nvim/first-hour.lua.
 */
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, serverBundle } from './lspClient';
import { mountsUnder, startRealBridge, type RealBridge } from '../e2e/realBridge';
import { expandSnippet } from '../../language-server/test/features/snippetExpansion';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const skip = hasNvim ? false : 'nvim not installed (scripts/install-test-deps.sh)';
let work = '';
/** The README's Neovim block, exactly as published, with its three placeholders filled in. */
const readmeBlock = (() => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  const m = /### Neovim 0\.7 and later[\s\S]*?```lua\n([\s\S]*?)```/.exec(readme);
  assert.ok(m, 'README.md has a Neovim 0.7 lua block');
  return m[1];
})();
function writeSetup(agentUrl: string, tokenFile: string): string {
  const filled = readmeBlock
    .replace("'~/src/marathon-devtools/language-server/dist/server.cjs'", JSON.stringify(serverBundle))
    .replace("'ws://agent-1.example.com:8474'", JSON.stringify(agentUrl))
    .replace("'~/.config/marathon/tokens'", JSON.stringify(tokenFile));
  for (const placeholder of ['~/src/', 'agent-1.example.com', '~/.config/marathon/tokens']) assert.ok(!filled.includes(placeholder), `README block still has ${placeholder}`);
  const path = join(work, 'setup.lua');
  writeFileSync(path, filled);
  return path;
}
before(() => {
  work = mkdtempSync(join(tmpdir(), 'md-nvim-first-hour-'));
  cpSync(join(repoRoot, 'test/lsp/fixtures/first-hour'), work, { recursive: true });
  writeSetup('ws://127.0.0.1:9', join(work, 'no-tokens'));
});
after(() => rmSync(work, { recursive: true, force: true }));

type Step = Record<string, any>;
function nvim(env: Record<string, string>): Step[] {
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(repoRoot, 'test/lsp/nvim/first-hour.lua')}`], {
    env: { ...process.env, SETUP: join(work, 'setup.lua'), WORK: work, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 90_000,
  });
  assert.equal(r.status, 0, `nvim: ${r.stdout}${r.stderr}`);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}
const step = (steps: Step[], name: string) => steps.find((s) => s.step === name) ?? assert.fail(`no step ${name}: ${JSON.stringify(steps)}`);

test('an empty file: skeletons in {}, the accepted app skeleton lints clean, $schema offers ours, an id alone completes as an app', { skip }, () => {
  const steps = nvim({ SCENARIO: 'start' });
  assert.deepEqual(step(steps, 'empty-object').labels, ['Marathon app with an external volume', 'Marathon app', 'Marathon pod', 'Marathon group', 'Chronos job', '$schema']);
  // A `"` typed in {}: the same items, and the app skeleton's edit replaces the quote, leaving an app that lints clean.
  const quoted = step(steps, 'quote-in-empty-object');
  assert.deepEqual(quoted.labels, ['Marathon app with an external volume', 'Marathon app', 'Marathon pod', 'Marathon group', 'Chronos job', '$schema']);
  assert.equal(quoted.filterText, '"Marathon app"', 'filtered by the quoted label, as VS Code matches the typed quote');
  assert.deepEqual(JSON.parse(quoted.text), { id: '/app', cmd: 'sleep 1000', cpus: 0.1, mem: 128, instances: 1 });
  assert.deepEqual(quoted.diagnostics, [], 'the skeleton accepted after the quote has no finding');
  const accepted = step(steps, 'skeleton-accepted');
  assert.equal(accepted.first, '  "id": "/db/postgres",', 'the skeleton starts on its own line, indented');
  assert.deepEqual(accepted.diagnostics, [], 'the skeleton as accepted has no finding');
  assert.ok(step(steps, 'schema-values').labels.includes('https://marathon-devtools.github.io/schema/marathon-app.schema.json'));
  const typed = step(steps, 'id-typed').labels as string[];
  for (const k of ['cmd', 'container', 'instances']) assert.ok(typed.includes(k), `${k} offered after "id" alone: ${typed.join(', ')}`);
  for (const k of ['apps', 'groups', 'pods']) assert.ok(!typed.includes(k), `${k} (a group field) not offered`);
});

test('"contianer": one finding, and its rename fix changes only the key, in place', { skip }, () => {
  const steps = nvim({ SCENARIO: 'fixes', FILE: join(work, 'contianer.json'), FIX_LINE: '2', FIX_TITLE: 'Rename "contianer" to "container"' });
  assert.deepEqual(step(steps, 'opened').diagnostics.map((d: Step) => d.code), ['unknown-property']);
  const fixed = step(steps, 'fixed');
  assert.equal(fixed.after, fixed.before.replace('"contianer"', '"container"'));
  assert.deepEqual(fixed.diagnostics, []);
});

for (const [title, line, expect] of [
  ['Remove "frobnicate"', '4', (before: string) => before.replace('  "frobnicate": true,\n', '')],
  ['Remove dvdi/overwritefs', '12', (before: string) => before.replace(', "dvdi/overwritefs": "true"', '')],
  ['Remove "/", " " from DVDI_VOLUME_NAME (→ "pgdata1")', '5', (before: string) => before.replace('"pg data/1"', '"pgdata1"')],
] as const) {
  test(`the fix a message asks for is offered and changes only what it must: ${title}`, { skip }, () => {
    cpSync(join(repoRoot, 'test/lsp/fixtures/first-hour/fixes.json'), join(work, 'fixes.json'));
    const fixed = step(nvim({ SCENARIO: 'fixes', FILE: join(work, 'fixes.json'), FIX_LINE: line, FIX_TITLE: title }), 'fixed');
    assert.equal(fixed.after, expect(fixed.before));
  });
}

test('hover on mode of an external volume on the Mesos containerizer says RW only, as the rule does', { skip }, () => {
  const h = step(nvim({ SCENARIO: 'hover', FILE: join(work, 'fixes.json'), LINE: '11', COL: '10' }), 'hover');
  assert.match(h.value, /Allowed here: `"RW"`\. On the Mesos containerizer .*dvdi-mesos-mode-rw/);
  assert.doesNotMatch(h.value, /Allowed: `"RW"`, `"RO"`/);
});

test('every completion item inserts in Neovim 0.7 what its snippet means: a key with an empty string value gets both quotes', { skip }, () => {
  // Neovim 0.7 has no snippet engine: vim.lsp.util.parse_snippet drops everything after an empty `${1:}`
  // (`"user": "${1:}"` became `"user": "`, a string never closed), where `$1` means the same and survives.
  writeFileSync(
    join(work, 'expand.json'),
    ['{', '  "id": "/db/pg",', '  ', '  "container": {', '    "type": "MESOS",', '    ', '    "volumes": [', '      {', '        ', '        "external": {', '          "name": "pg",', '          "provider": "dvdi",', '          "options": {', '            "dvdi/driver": "rexray",', '            ', '          }', '        }', '      }', '    ]', '  }', '}', ''].join('\n'),
  );
  const positions = [[2, 2], [5, 4], [8, 8], [14, 12]];
  const steps = nvim({ SCENARIO: 'expand', FILE: join(work, 'expand.json'), POSITIONS: JSON.stringify(positions) }).filter((s) => s.step === 'items');
  assert.equal(steps.length, positions.length);
  for (const { at, items } of steps) {
    assert.ok(items.length > 0, `items at ${at}`);
    for (const it of items) assert.equal(it.inserted, expandSnippet(it.text), `${it.label} at ${at}: ${JSON.stringify(it.text)}`);
  }
  const user = steps[0].items.find((it: Step) => it.label === 'user');
  assert.equal(user?.inserted, '"user": "",', 'the key with a string value, both quotes (and the comma before "container")');
});

test('<C-x><C-o> after a key or value typed part way, as the README sets Neovim up: the item is offered and accepting it completes what was typed', { skip }, () => {
  // Neovim 0.7's omnifunc keeps an item only when its text starts with what was typed from the edit's start (or,
  // for items with a filterText, from the word before the cursor): an edit over the opening quote, its text
  // `"instances": 1`, was never offered after `"inst` (the word is `inst`), nor any after `"dvdi/dr` (`dr`).
  writeFileSync(
    join(work, 'omni.json'),
    ['{', '  "id": "/db/pg",', '  ', '  "container": {', '    "type": "MESOS",', '    "volumes": [', '      {', '        "containerPath": "data",', '        "mode": "RW",', '        "external": {', '          "name": "pg",', '          "provider": "dvdi",', '          "options": {', '            ', '          }', '        }', '      }', '    ]', '  }', '}', ''].join('\n'),
  );
  const typings = [
    { line: 2, typed: '"inst', pick: 'instances', want: '  "instances": 1,' },
    { line: 2, typed: '"', pick: 'cmd', want: '  "cmd": "",' },
    { line: 2, typed: '"killSelection": "YOU', pick: 'YOUNGEST_FIRST', want: '  "killSelection": "YOUNGEST_FIRST",' },
    { line: 13, typed: '"dvdi/dr', pick: 'dvdi/driver', want: '            "dvdi/driver": "rexray"' },
  ];
  const steps = nvim({ SCENARIO: 'omni', FILE: join(work, 'omni.json'), TYPINGS: JSON.stringify(typings) }).filter((s) => s.step === 'omni');
  assert.deepEqual(
    steps.map((s) => [s.typed, s.picked, s.line]),
    typings.map((t) => [t.typed, true, t.want]),
  );
  // In an empty object the skeletons are offered too, over the quote: they must not make Neovim match from the
  // word before the cursor, which for "$sch is "sch".
  writeFileSync(join(work, 'omni-empty.json'), '{\n  \n}\n');
  const empty = [
    { line: 1, typed: '"$sch', pick: '$schema', want: '  "$schema": "https://marathon-devtools.github.io/schema/marathon-app.schema.json"' },
    { line: 1, typed: '"$schema": "https://marathon-devtools.github.io/schema/marathon-p', pick: 'https://marathon-devtools.github.io/schema/marathon-pod.schema.json', want: '  "$schema": "https://marathon-devtools.github.io/schema/marathon-pod.schema.json"' },
  ];
  const emptySteps = nvim({ SCENARIO: 'omni', FILE: join(work, 'omni-empty.json'), TYPINGS: JSON.stringify(empty) }).filter((s) => s.step === 'omni');
  assert.deepEqual(
    emptySteps.map((s) => [s.typed, s.picked, s.line]),
    empty.map((t) => [t.typed, true, t.want]),
  );
});

let bridge: RealBridge | undefined;
after(async () => bridge?.stop());

test('the Test mount lens runs in Neovim: workspace/executeCommand on a real dvdi-bridge, agent from settings, the token from the README tokenFile', { skip, timeout: 120_000 }, async () => {
  bridge = await startRealBridge();
  await bridge.createVolume('nvim-pgdata');
  // The token file as the README says: the agent's token-file format, a line named like the agent.
  writeFileSync(join(work, 'tokens'), `# for Test mount\nagent-1:${bridge.token}\n`);
  writeSetup(bridge.url, join(work, 'tokens'));
  const steps = nvim({ SCENARIO: 'lens', FILE: join(work, 'local-volume.json') });
  assert.equal(step(steps, 'lens').title, 'Test mount nvim-pgdata (local)');
  const messages = (step(steps, 'ran').messages as { type: number; message: string }[]).map((m) => m.message);
  assert.match(messages.at(-1)!, /^Volume nvim-pgdata on agent-1 mounted and released at \/\S+ \(\d+ ms\)$/, messages.join('\n'));
  assert.deepEqual(mountsUnder(bridge.stateDir), []);
});
