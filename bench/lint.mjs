// Section "lint": marathon-lint as a whole process against the tools a user would otherwise reach for,
// on generated groups (bench/gen.mjs): ajv-cli with our group schema (JSON pointers only, no line/col,
// no semantic rules) and VS Code's JSON language service with the same schema (line/col, no semantic rules).
// Also the floor (CLI startup) and the in-process split of marathon-lint's time, so a slow run says where.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeGroup } from './gen.mjs';
import { timeNodeProcesses, timeProcess, seconds } from './measure.mjs';

export const title = 'lint: marathon-lint vs ajv-cli vs vscode-json-languageservice (whole processes)';

export async function run({ root, runs, sizes, log }) {
  // What users run: the bin, which loads dist/cli.cjs through its V8 code cache (written by the first run).
  const bundle = join(root, 'language-server/dist/cli.cjs');
  const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/bin/marathon-lint.cjs');
  // Another build's bin (e.g. main before a change), timed in the same rounds: before/after from one run.
  const baseline = process.env.MARATHON_LINT_BASELINE_CLI;
  const schema = join(root, 'schema/marathon-group.schema.json');
  if (!existsSync(bundle) || !existsSync(cli)) return ['(skipped: language-server/dist/cli.cjs is missing; run `npm run build`)'];
  if (!existsSync(schema)) return ['(skipped: schema/marathon-group.schema.json is missing)'];
  const dataDir = join(root, 'bench/data');
  mkdirSync(dataDir, { recursive: true });

  const lines = [];
  const startup = timeProcess(process.execPath, [cli, '--version'], { runs });
  lines.push(`marathon-lint startup (--version): ${seconds(startup.medianMs)}`, '');
  lines.push('| apps | MB | marathon-lint | same, no code cache | ajv-cli validate --all-errors | vscode-json doValidation | floor: read + JSON.parse | lint / floor | findings (lint / ajv / vscode) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---|');
  const usage = [];

  for (const n of sizes) {
    const doc = join(dataDir, `group-${n}.json`);
    if (!existsSync(doc)) {
      log(`bench lint: generating ${doc}`);
      writeGroup(n, doc);
    }
    const mb = statSync(doc).size / 2 ** 20;
    timeProcess(process.execPath, [cli, '--format', 'json', doc], { runs: 1, warmup: false }); // writes the code cache
    if (baseline) timeProcess(process.execPath, [baseline, '--format', 'json', doc], { runs: 1, warmup: false });
    log(`bench lint: ${n} apps: marathon-lint, the same without its code cache, ajv-cli, vscode-json, the floor (interleaved)`);
    const t = timeNodeProcesses(
      {
        lint: [cli, '--format', 'json', doc],
        uncached: [bundle, '--format', 'json', doc],
        ajv: [join(root, 'node_modules/ajv-cli/dist/index.js'), 'validate', '-s', schema, '-d', doc, '--all-errors', '--errors=json', '--strict=false'],
        vscode: [join(root, 'bench/vscode-json-validate.mjs'), schema, doc],
        floor: ['-e', floorScript, doc],
        ...(baseline ? { baseline: [baseline, '--format', 'json', doc] } : {}),
      },
      { runs },
    );
    const { lint, uncached, ajv, vscode, floor } = t;
    const lintCount = countLint(lint.stdout);
    const ajvCount = countAjv(ajv.stderr);
    const vscodeCount = Number(vscode.stdout.trim()) || 0;
    const ratio = (ms) => `${seconds(ms)} (${(ms / lint.medianMs).toFixed(1)}×)`;
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${mb.toFixed(1)} | ${seconds(lint.medianMs)} | ${seconds(uncached.medianMs)} | ${ratio(ajv.medianMs)} | ${ratio(vscode.medianMs)} | ` +
        `${seconds(floor.medianMs)} | ${(lint.medianMs / floor.medianMs).toFixed(1)}× | ${lintCount} / ${ajvCount} / ${vscodeCount} |`,
    );
    usage.push({ n, t });
  }
  // CPU time counts every thread (V8 compiles and collects garbage on helper threads); on a busy host it is the
  // steadier measure. Peak RSS is the most any run of that tool held.
  const mbOf = (kb) => (kb === undefined ? '?' : `${Math.round(kb / 1024)} MB`);
  const cpuOf = (r) => (r.cpuMs === undefined ? '?' : seconds(r.cpuMs));
  lines.push('', '| apps | CPU: marathon-lint / ajv-cli / vscode-json / floor | lint CPU: ajv / vscode / floor ratios | peak RSS: marathon-lint / ajv-cli / vscode-json / floor | lint RSS / floor |');
  lines.push('|---:|---|---|---|---:|');
  for (const { n, t } of usage) {
    const { lint, ajv, vscode, floor } = t;
    const r = (x) => (x.cpuMs === undefined || lint.cpuMs === undefined ? '?' : `${(x.cpuMs / lint.cpuMs).toFixed(1)}×`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${cpuOf(lint)} / ${cpuOf(ajv)} / ${cpuOf(vscode)} / ${cpuOf(floor)} | ${r(ajv)} faster than ajv, ${r(vscode)} than vscode, ` +
        `${lint.cpuMs && floor.cpuMs ? (lint.cpuMs / floor.cpuMs).toFixed(1) : '?'}× the floor | ${mbOf(lint.peakRssKb)} / ${mbOf(ajv.peakRssKb)} / ${mbOf(vscode.peakRssKb)} / ${mbOf(floor.peakRssKb)} | ` +
        `${lint.peakRssKb && floor.peakRssKb ? (lint.peakRssKb / floor.peakRssKb).toFixed(1) : '?'}× |`,
    );
  }
  if (baseline) {
    lines.push('', `Baseline, timed in the same rounds: ${baseline}`, '', '| apps | marathon-lint: wall / CPU / peak RSS | baseline: wall / CPU / peak RSS | findings equal |', '|---:|---|---|---|');
    for (const { n, t } of usage) {
      const row = (r) => `${seconds(r.medianMs)} / ${cpuOf(r)} / ${mbOf(r.peakRssKb)}`;
      lines.push(`| ${n.toLocaleString('en-US')} | ${row(t.lint)} | ${row(t.baseline)} | ${t.lint.stdout === t.baseline.stdout ? 'yes' : 'NO'} |`);
    }
  }
  // Where the time goes, on the largest document, so a slow run says which stage or rule to look at.
  const largest = join(dataDir, `group-${Math.max(...sizes)}.json`);
  log('bench lint: in-process stages');
  const stages = spawnSync(process.execPath, [join(root, 'bench/lint-stages.mjs'), largest, String(Math.min(runs, 3))], { encoding: 'utf8', timeout: 600_000 });
  lines.push('', stages.status === 0 ? stages.stdout.trimEnd() : `(stage breakdown failed: ${stages.stderr.trim().split('\n')[0]})`);
  lines.push('', 'Ratios are the other tool\'s time over marathon-lint\'s (higher = marathon-lint faster). marathon-lint also reports',
    'line/col and runs every semantic rule; ajv-cli reports JSON pointers only; neither of the others knows Marathon\'s semantic rules.',
    'The five are run interleaved (one round runs each once), after one untimed round. marathon-lint is timed as installed',
    '(bin/marathon-lint.cjs), after one untimed run has written its V8 code cache, as on any machine after the first run; "no code cache"',
    'runs dist/cli.cjs directly, as a first run would. It lints on one thread.',
    'The floor is a node process that only reads the file and JSON.parses it; issue 14\'s goals: lint ≤ 2× the floor\'s time',
    'and peak memory, ≥ 1.5× faster than ajv-cli, ≥ 3× faster than the JSON service.');
  return lines;
}

const floorScript = "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))";

function countLint(stdout) {
  try {
    return JSON.parse(stdout).reduce((s, f) => s + f.diagnostics.length, 0);
  } catch {
    return '?';
  }
}

function countAjv(stderr) {
  const start = stderr.indexOf('[');
  try {
    return JSON.parse(stderr.slice(start)).length;
  } catch {
    return '?';
  }
}
