/**
 * An independent real client: headless Neovim 0.7 (Debian) opens a corpus file with a known finding
 * through the bundled server; what it shows must equal what the engine reports for the same file.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lint } from '../../language-server/src/index';
import { corpusDir, repoRoot, serverBundle } from './lspClient';
import { needsShared } from '../sharedReference';

const hasNvim = spawnSync('nvim', ['--version']).status === 0;
const file = join(corpusDir, 'marathon-docs/secrets-L74.json');

/** Runs a Lua script of test/lsp/nvim/ in headless Neovim with WORK set, through the bundled server; its JSON lines. */
function nvimSteps(script: string, work: string): any[] {
  const r = spawnSync('nvim', ['--headless', '--clean', '-n', '-c', `luafile ${join(repoRoot, 'test/lsp/nvim', script)}`], {
    env: { ...process.env, LSP_SERVER: serverBundle, WORK: work },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, r.stdout + r.stderr);
  return r.stdout.trim().split('\n').map((l) => JSON.parse(l));
}

test('Neovim shows the engine’s diagnostics for a corpus file', { skip: hasNvim ? needsShared('corpus/marathon-docs/secrets-L74.json') : 'nvim not installed (scripts/install-test-deps.sh)' }, () => {
  const r = spawnSync('nvim', ['--headless', '--clean', '-c', `luafile ${join(repoRoot, 'test/lsp/nvim/lsp-diag.lua')}`], {
    env: { ...process.env, LSP_SERVER: serverBundle, LSP_FILE: file },
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    timeout: 30_000,
  });
  const lines = r.stdout.trim().split('\n');
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(lines.at(-1), 'hover-ok');
  const shown = lines.slice(0, -1).map((l) => JSON.parse(l)).map((d) => `${d.lnum}:${d.col} ${d.code} ${d.message}`).sort();
  const expected = lint(readFileSync(file, 'utf8')).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${d.ruleId} ${d.message}`).sort();
  assert.ok(expected.length > 0, 'the corpus file has a known finding');
  assert.deepEqual(shown, expected);
  assert.ok(lines.slice(0, -1).every((l) => JSON.parse(l).source === 'marathon'));
});

test('Neovim 0.7, which watches no files: saving marathon-lint.config.json in the editor re-lints the open definitions', { skip: hasNvim ? false : 'nvim not installed (scripts/install-test-deps.sh)' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'md-nvim-config-save-'));
  try {
    writeFileSync(join(work, 'app.json'), '{\n  "id": "/web",\n  "cmd": "sleep 1000",\n  "frobnicate": true\n}\n');
    writeFileSync(join(work, 'marathon-lint.config.json'), '{ "rules": {} }\n');
    const steps = nvimSteps('config-save.lua', work);
    assert.deepEqual(steps.find((s) => s.step === 'opened')?.codes, ['unknown-property']);
    // The server read the config from disk once and was never told it changed: the finding stayed until a restart.
    assert.deepEqual(steps.find((s) => s.step === 'config-saved')?.codes, [], 'the saved config turned the rule off');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test('Neovim 0.7: marathon-lint.config.json being edited shows its own findings, as marathon-lint words them, and clears them when fixed, unsaved', { skip: hasNvim ? false : 'nvim not installed (scripts/install-test-deps.sh)' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'md-nvim-config-edit-'));
  try {
    writeFileSync(join(work, 'marathon-lint.config.json'), '{}\n');
    const steps = nvimSteps('config-edit.lua', work);
    assert.deepEqual(steps.find((s) => s.step === 'misspelt')?.shown, ['1:13 config unknown rule id "unknown-propety": no rule has it, so what is set for it applies to nothing. Did you mean "unknown-property"?']);
    assert.deepEqual(steps.find((s) => s.step === 'fixed')?.shown, [], 'cleared when fixed, though the file on disk never changed');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
