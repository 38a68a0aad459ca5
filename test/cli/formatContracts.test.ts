/**
 * Contracts of the machine-readable formats, checked on the real CLI over examples/:
 * SARIF validates against the SARIF 2.1.0 schema (the copy shipped in @microsoft/jest-sarif) and has
 * what GitHub code scanning needs; JSON has exactly the documented keys; github lines are well formed.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv from 'ajv-draft-04';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
// MARATHON_LINT_CLI points the tests at another build of the same CLI (e.g. one outside the shared dist/).
const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/dist/cli.cjs');
const built = existsSync(cli);

function run(...args: string[]) {
  assert.ok(built, `${cli} is missing: run \`npm run build\` first (nothing built fails, never skips)`);
  const r = spawnSync(process.execPath, [cli, ...args, 'examples'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.error, undefined);
  assert.equal(r.status, 1, `examples/ holds deliberate mistakes, so the run exits 1 (stderr: ${r.stderr})`);
  return r.stdout;
}

function sarifValidator() {
  const require = createRequire(import.meta.url);
  const schemaPath = join(dirname(require.resolve('@microsoft/jest-sarif/package.json')), 'lib/schemas/sarif-2.1.0-rtm.5.json');
  const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
  const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false, unicodeRegExp: false }) // the schema's language pattern is not valid with the u flag;
  return ajv.compile(schema);
}

test('sarif output validates against the SARIF 2.1.0 schema and carries what GitHub needs', () => {
  const validate = sarifValidator();
  const log = JSON.parse(run('--format', 'sarif'));
  assert.ok(validate(log as object), JSON.stringify(validate.errors?.slice(0, 5), null, 2));

  assert.equal(log.version, '2.1.0');
  const [runLog] = log.runs;
  const rules: { id: string; shortDescription: { text: string }; helpUri: string }[] = runLog.tool.driver.rules;
  assert.ok(runLog.results.length > 0, 'examples/ should produce findings');
  for (const rule of rules) {
    assert.ok(rule.id && rule.shortDescription.text && /^https:\/\//.test(rule.helpUri), `rule ${rule.id} needs id, shortDescription, helpUri`);
  }
  for (const r of runLog.results) {
    assert.equal(rules[r.ruleIndex].id, r.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(r.level));
    const { artifactLocation, region } = r.locations[0].physicalLocation;
    assert.match(artifactLocation.uri, /^examples\//, 'artifact URIs are relative to the working directory');
    assert.ok(region.startLine >= 1 && region.startColumn >= 1 && region.endLine >= region.startLine, JSON.stringify(region));
    if (region.endLine === region.startLine) assert.ok(region.endColumn > region.startColumn, 'a region covers at least one character');
  }
});

test('json output has exactly the documented keys, 0-based ranges', () => {
  const out = JSON.parse(run('--format', 'json'));
  assert.ok(Array.isArray(out) && out.length > 0);
  for (const file of out) {
    assert.deepEqual(Object.keys(file), ['file', 'kind', 'diagnostics']);
    assert.ok(['app', 'apps', 'group', 'pod', 'chronos-job', 'unknown'].includes(file.kind), file.kind);
    for (const d of file.diagnostics) {
      assert.deepEqual(Object.keys(d), ['ruleId', 'severity', 'message', 'pointer', 'range']);
      assert.ok(['error', 'warning', 'info'].includes(d.severity));
      assert.deepEqual(Object.keys(d.range), ['start', 'end']);
      assert.ok(d.range.start.line >= 0 && d.range.start.character >= 0);
    }
  }
});

test('github output is one well-formed workflow command per finding', () => {
  const lines = run('--format', 'github').trimEnd().split('\n');
  assert.ok(lines.length > 0);
  for (const line of lines) {
    assert.match(line, /^::(error|warning|notice) file=[^,:]+,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=[a-z0-9-]+::[^\r\n]+$/);
  }
});

test('sarif of a run that left inputs unlinted says so (invocations), so a log read alone is not taken for a clean one', () => {
  // A workflow that uploads the log whatever the exit status (continue-on-error) would otherwise show code scanning
  // "no alerts" for files a broken config or a missing path kept from being linted, and close their open alerts.
  assert.ok(built, `${cli} is missing: run \`npm run build\` first (nothing built fails, never skips)`);
  const dir = mkdtempSync(join(tmpdir(), 'sarif-unlinted-'));
  try {
    mkdirSync(join(dir, 'broken'));
    writeFileSync(join(dir, 'broken/marathon-lint.config.json'), '{ "marathonVersion": "2.0" }');
    writeFileSync(join(dir, 'broken/web.json'), '{ "id": "/web", "cmd": "sleep 100", "cpus": 0.1, "mem": 64, "instances": 2 }');
    const r = spawnSync(process.execPath, [cli, '--format', 'sarif', 'broken', 'missing.json'], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 2, r.stderr);
    const log = JSON.parse(r.stdout);
    const validate = sarifValidator();
    assert.ok(validate(log as object), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const [runLog] = log.runs;
    assert.deepEqual(runLog.results, []);
    assert.equal(runLog.invocations?.length, 1, JSON.stringify(runLog));
    const [invocation] = runLog.invocations;
    assert.equal(invocation.executionSuccessful, false);
    const texts = invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => `${n.level}: ${n.message.text}`);
    // The lines stderr shows, without the program's name.
    const stderrLines = r.stderr.trimEnd().split('\n').map((l) => l.replace(/^marathon-lint: error: /, 'error: '));
    assert.deepEqual(texts, stderrLines);
    assert.equal(texts.length, 3, texts.join('\n'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sarif of a run that linted every input has no invocations (nothing to report about the run)', () => {
  const log = JSON.parse(run('--format', 'sarif'));
  assert.equal(log.runs[0].invocations, undefined);
});

test('an unclosed bracket or a quote ending a string early: sarif keeps where the parser gave up as a related location and validates; json keeps its keys', () => {
  assert.ok(built, `${cli} is missing: run \`npm run build\` first`);
  const lint = (format: string) => {
    const r = spawnSync(process.execPath, [cli, '--format', format, 'language-server/test/rules/syntax'], { cwd: root, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 1, r.stderr);
    return JSON.parse(r.stdout);
  };
  const log = lint('sarif');
  const validate = sarifValidator();
  assert.ok(validate(log as object), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
  const unclosed = log.runs[0].results.filter((r: any) => r.message.text.includes('never closed'));
  assert.ok(unclosed.length >= 5, `${unclosed.length} unclosed findings in the syntax fixtures`);
  for (const r of unclosed) {
    const [related, ...more] = r.relatedLocations;
    assert.equal(more.length, 0);
    assert.deepEqual(related.physicalLocation.artifactLocation, r.locations[0].physicalLocation.artifactLocation);
    assert.match(related.message.text, /^The parser gave up here: expected /);
    assert.ok(related.physicalLocation.region.startLine >= r.locations[0].physicalLocation.region.startLine, 'the parser gives up below the opener');
  }
  // A quote that ended a string early: where the parser gave up, after it on the same line, is related too.
  const early = log.runs[0].results.filter((r: any) => r.message.text.includes('ends the string early'));
  assert.ok(early.length >= 1, 'the unescaped-quote fixture');
  for (const r of early) assert.match(r.relatedLocations[0].message.text, /^The parser gave up here: expected /);
  for (const r of log.runs[0].results.filter((x: any) => !x.message.text.includes('never closed') && !early.includes(x))) assert.equal(r.relatedLocations, undefined);
  for (const file of lint('json')) for (const d of file.diagnostics) assert.deepEqual(Object.keys(d), ['ruleId', 'severity', 'message', 'pointer', 'range']);
});
