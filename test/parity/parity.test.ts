/**
 * One answer everywhere: `marathon-lint` and `marathon-language-server` give the same findings (rule, severity,
 * pointer, range, message) on every rule fixture, every engine fixture and every corpus file
 * (../shared/corpus; skipped, saying so, when that folder is absent), each in four variants: as it is, with a
 * `$schema` naming one of our schemas (a different kind than its shape for three in four files, so the kind
 * really comes from `$schema`), under a `marathon-lint.config.json`, and both.
 *
 * The CLI runs in-process (`runCli`, what `dist/cli.cjs` calls; the last test holds the bundle to the same output), one file per run: a run over several files also
 * checks them together as one root group, which the server (one document at a time) never does. The server is
 * the real bundle over stdio, one process for every document, pull diagnostics (no debounce to wait for).
 * The one difference by design: the server publishes nothing for a document that is not a definition (it must
 * stay quiet on package.json), where the CLI says `unknown-kind`.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { runCli } from '../../language-server/src/cli/run';
import { configFileName } from '../../language-server/src/project/configFinder';
import { corpusDir, repoRoot, startClient } from '../lsp/lspClient';

const fixtureRoots = [join(repoRoot, 'language-server/test/rules'), join(repoRoot, 'language-server/test/core/fixtures')];
const schemaIds = ['marathon-app', 'marathon-group', 'marathon-pod', 'chronos-job'].map((n) => `https://marathon-devtools.github.io/schema/${n}.schema.json`);
// Every key the config file knows, none at its default, so a profile that is not read shows.
const config = { marathonVersion: '1.4', features: ['external_volumes'], mesosRole: 'prod', defaultNetworkName: 'dcos', rules: { 'app-id-pattern': 'warning', 'constraint-operator': 'off' } };
const severities: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...jsonFiles(path));
    else if (name.endsWith('.json') && name !== configFileName) out.push(path);
  }
  return out;
}

/** The text with a top-level `"$schema"` first, or undefined when it is not a JSON object that lacks one. */
function withSchema(text: string, i: number): string | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value) || '$schema' in value) return undefined;
  const ref = JSON.stringify(schemaIds[i % schemaIds.length]);
  return text.replace('{', Object.keys(value).length === 0 ? `{"$schema": ${ref}` : `{"$schema": ${ref}, `);
}

interface Doc {
  path: string;
  text: string;
}

function documents(): { docs: Doc[]; sources: number; dir: string } {
  const sources = [...fixtureRoots.flatMap(jsonFiles), ...(existsSync(corpusDir) ? jsonFiles(corpusDir) : [])];
  const dir = mkdtempSync(join(tmpdir(), 'marathon-parity-'));
  mkdirSync(join(dir, 'plain'));
  mkdirSync(join(dir, 'config'));
  writeFileSync(join(dir, 'config', configFileName), JSON.stringify(config, null, 2));
  const docs: Doc[] = [];
  sources.forEach((path, i) => {
    const text = readFileSync(path, 'utf8');
    // As it is, where it is (fixtures in sub-folders keep their own config), then the three variants.
    docs.push({ path, text });
    docs.push({ path: join(dir, 'config', `${i}.json`), text });
    const schemaText = withSchema(text, i);
    if (schemaText !== undefined) {
      docs.push({ path: join(dir, 'plain', `${i}-schema.json`), text: schemaText });
      docs.push({ path: join(dir, 'config', `${i}-schema.json`), text: schemaText });
    }
  });
  for (const d of docs) if (d.path.startsWith(dir)) writeFileSync(d.path, d.text);
  return { docs, sources: sources.length, dir };
}

type Finding = string;

async function cliFindings(path: string): Promise<{ kind: string; findings: Finding[]; stdout: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (c) => (out += c));
  stderr.on('data', (c) => (err += c));
  const status = await runCli(['--format', 'json', path], { cwd: repoRoot, env: {}, stdin: new PassThrough(), stdout, stderr });
  assert.ok(status === 0 || status === 1, `marathon-lint ${path}: status ${status}: ${err}`);
  const [result] = JSON.parse(out) as { kind: string; diagnostics: { ruleId: string; severity: string; pointer: string; range: unknown; message: string }[] }[];
  return { kind: result.kind, findings: result.diagnostics.map((d) => JSON.stringify([d.ruleId, d.severity, d.pointer, d.range, d.message])), stdout: out };
}

test('the CLI and the language server give the same findings on every fixture and corpus file, with and without $schema and a config', async (t) => {
  if (!existsSync(corpusDir)) t.diagnostic(`${corpusDir} is absent (it is ../shared/corpus, the reference corpus): only the fixtures are compared`);
  const started = performance.now();
  const { docs, sources, dir } = documents();
  const server = await startClient({ pull: true });
  try {
    let i = 0;
    let compared = 0;
    let quiet = 0;
    const worker = async () => {
      while (i < docs.length) {
        const d = docs[i++];
        const uri = pathToFileURL(d.path).href;
        await server.open(uri, d.text);
        const report = (await server.conn.sendRequest('textDocument/diagnostic', { textDocument: { uri } })) as { items: { code: string; severity: number; data: { pointer: string }; range: unknown; message: string }[] };
        await server.close(uri);
        const fromServer = report.items.map((x) => JSON.stringify([x.code, severities[x.severity], x.data.pointer, x.range, x.message]));
        const cli = await cliFindings(d.path);
        const shown = relative(repoRoot, d.path);
        // Not a definition (by `$schema` or shape): the server stays quiet where the CLI says why it checked nothing.
        if (cli.kind === 'unknown' && fromServer.length === 0) {
          quiet++;
          continue;
        }
        assert.deepEqual(fromServer, cli.findings, `${shown}: the language server and marathon-lint disagree`);
        compared++;
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    t.diagnostic(`${sources} files, ${docs.length} documents (${compared} compared, ${quiet} not definitions) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    assert.ok(compared > quiet * 10, 'most documents are definitions both sides lint');
  } finally {
    await server.shutdown();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the CLI run in-process above is the built marathon-lint: same output, byte for byte, on a spread of the documents', async () => {
  const bundle = join(repoRoot, 'language-server/dist/cli.cjs');
  assert.ok(existsSync(bundle), `${bundle} is missing: run \`npm run build\` first`);
  const { docs, dir } = documents();
  try {
    for (const d of docs.filter((_, i) => i % 193 === 0)) {
      const built = spawnSync(process.execPath, [bundle, '--format', 'json', d.path], { cwd: repoRoot, encoding: 'utf8', env: {}, timeout: 60_000 });
      assert.equal(built.stdout, (await cliFindings(d.path)).stdout, `${relative(repoRoot, d.path)}: dist/cli.cjs and runCli differ (${built.stderr})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
