/**
 * One answer for a marathon-lint.config.json too: the language server's findings on the config text being edited
 * (configEdited.test.ts) are marathon-lint's for the same text, byte for byte. marathon-lint reports a config
 * named as an input on stderr (`marathon-lint: <severity>: <file>:<line>:<col>: <message>`, docs/rules/config.md),
 * so each server finding is written that way and compared with those lines, and its whole range with the ranges
 * marathon-lint read them from (project/loadProfile.ts, the one read of a config for both). The config sits in a
 * sub-folder, so the CLI names it by a path other than the bare file name the server's engine call uses.
 * The CLI runs in-process (`runCli`, as parity.test.ts); the server is the real bundle over stdio, pull diagnostics.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../language-server/src/cli/run';
import { configFileName } from '../../language-server/src/project/configFinder';
import { loadProfile } from '../../language-server/src/project/loadProfile';
import { startClient } from '../lsp/lspClient';

const severities: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };
const manyUnknown = `{ "rules": { ${Array.from({ length: 25 }, (_, i) => `"no-such-rule-${i}": "off"`).join(', ')} } }`;

// Every kind of problem readConfig (core/config.ts) words, and texts the parser words (syntax, duplicates, comments).
const configs = [
  '{ "marathonVersion": "1.10" }',
  '',
  '  \n',
  '{ "rules": ',
  '{ "rules": {} } trailing',
  '[1, 2]',
  '{ "marathonVersion": 1.10 }',
  '{ "marathonVersion": "2.0", "featuers": [] }',
  '{ "features": "external_volumes" }',
  '{ "features": ["external_volume", 3, "gpu_resources"] }',
  '{ "mesosRole": "", "defaultNetworkName": 5, "newGroupEnforceRole": "top" }',
  '{ "rules": { "dvdi-single-instance": "loud", "config": "off", "internal-error": "error", "no-such-rule": "off", "app-id-pattern": "eror", "unknown-propety": 1 } }',
  '{ "rules": [] }',
  manyUnknown,
  '{ "rules": {}, "rules": { "x": "off" } }',
  '{ "bad\\u0007key": 1, "line\u2028sep": 2 }',
  '{ // a comment\n  "rules": {}\n}',
  '{\r\n  "rules": {\r\n    "no-such-rule": "off"\r\n  }\r\n}',
  '{ "rules": { "\u{1F600}": "off", "app-id-pattern": "warnin" } }',
  '{\n  "marathonVersion": "1.10",\n  "rules": { "dvdi-single-instance": "loud" }\n}',
  '{ "marathonVersion": "1.10", "featuers": ["external_volumes"] }',
  '{ "$schema": "https://marathon-devtools.github.io/schema/marathon-lint-config.schema.json", "rules": { "dvdi-singel-instance": "warning" } }',
];

async function cliLines(cwd: string, path: string): Promise<string[]> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let err = '';
  stderr.on('data', (c) => (err += c));
  stdout.resume();
  const status = await runCli([path], { cwd, env: {}, stdin: new PassThrough(), stdout, stderr });
  assert.ok(status === 0 || status === 2, `marathon-lint ${path}: status ${status}: ${err}`);
  return err.split('\n').filter((l) => l !== '');
}

test('the language server gives marathon-lint’s findings, byte for byte, on the config text being edited', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'marathon-config-parity-'));
  mkdirSync(join(dir, 'team'));
  const shown = `team/${configFileName}`;
  const path = join(dir, shown);
  const uri = pathToFileURL(path).href;
  const server = await startClient({ pull: true });
  try {
    let withFindings = 0;
    for (const [i, text] of configs.entries()) {
      writeFileSync(path, text);
      if (i === 0) await server.open(uri, text);
      else await server.change(uri, text, i + 1);
      const items = ((await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as any).items as { code: string; severity: number; range: any; message: string }[];
      const fromServer = items.map((d) => `marathon-lint: ${severities[d.severity]}: ${shown}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
      const label = `config #${i} ${JSON.stringify(text.slice(0, 60))}`;
      assert.deepEqual([...fromServer].sort(), (await cliLines(dir, shown)).sort(), `${label}: the language server and marathon-lint disagree`);
      assert.ok(items.every((d) => d.code === 'config'), `${label}: every finding is a config finding`);
      const loaded = loadProfile(path, shown);
      assert.ok(loaded.ok);
      assert.deepEqual(items.map((d) => d.range), loaded.problems.map((d) => d.range), `${label}: the ranges differ`);
      if (items.length > 0) withFindings++;
    }
    assert.equal(withFindings, configs.length - 1, 'every config but the first has a finding');
  } finally {
    await server.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});
