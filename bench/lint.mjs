// Section "lint": marathon-lint as a whole process against the tools a user would otherwise reach for,
// on generated groups (bench/gen.mjs): ajv-cli with our group schema (JSON pointers only, no line/col,
// no semantic rules) and VS Code's JSON language service with the same schema (line/col, no semantic rules).
// Also the floor (CLI startup) and the in-process split of marathon-lint's time, so a slow run says where.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { writeGroup } from './gen.mjs';
import { timeProcess, seconds } from './measure.mjs';

export const title = 'lint: marathon-lint vs ajv-cli vs vscode-json-languageservice (whole processes)';

export async function run({ root, runs, sizes, log }) {
  // What users run: the bin, which loads dist/cli.cjs through its V8 code cache (written by the first run).
  const bundle = join(root, 'language-server/dist/cli.cjs');
  const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/bin/marathon-lint.cjs');
  const schema = join(root, 'schema/marathon-group.schema.json');
  if (!existsSync(bundle) || !existsSync(cli)) return ['(skipped: language-server/dist/cli.cjs is missing; run `npm run build`)'];
  if (!existsSync(schema)) return ['(skipped: schema/marathon-group.schema.json is missing)'];
  const dataDir = join(root, 'bench/data');
  mkdirSync(dataDir, { recursive: true });

  const lines = [];
  const startup = timeProcess(process.execPath, [cli, '--version'], { runs });
  lines.push(`marathon-lint startup (--version): ${seconds(startup.medianMs)}`, '');
  lines.push('| apps | MB | marathon-lint | same, no code cache | ajv-cli validate --all-errors | vscode-json doValidation | floor: read + JSON.parse | lint / floor | peak RSS lint / floor | findings (lint / ajv / vscode) |');
  lines.push('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|');

  for (const n of sizes) {
    const doc = join(dataDir, `group-${n}.json`);
    if (!existsSync(doc)) {
      log(`bench lint: generating ${doc}`);
      writeGroup(n, doc);
    }
    const mb = statSync(doc).size / 2 ** 20;
    log(`bench lint: ${n} apps: marathon-lint`);
    timeProcess(process.execPath, [cli, '--format', 'json', doc], { runs: 1, warmup: false }); // writes the code cache
    const lint = timeProcess(process.execPath, [cli, '--format', 'json', doc], { runs });
    log(`bench lint: ${n} apps: marathon-lint without its code cache (dist/cli.cjs)`);
    const uncached = timeProcess(process.execPath, [bundle, '--format', 'json', doc], { runs });
    log(`bench lint: ${n} apps: ajv-cli`);
    const ajv = timeProcess(process.execPath, [join(root, 'node_modules/ajv-cli/dist/index.js'), 'validate', '-s', schema, '-d', doc, '--all-errors', '--errors=json', '--strict=false'], { runs });
    log(`bench lint: ${n} apps: vscode-json`);
    const vscode = timeProcess(process.execPath, [join(root, 'bench/vscode-json-validate.mjs'), schema, doc], { runs });

    log(`bench lint: ${n} apps: floor (a node process that only reads and JSON.parses the file)`);
    const floor = timeProcess(process.execPath, ['-e', floorScript, doc], { runs });
    const lintRss = peakRss([cli, '--format', 'json', doc]);
    const floorRss = peakRss(['-e', floorScript, doc]);
    const lintCount = countLint(lint.stdout);
    const ajvCount = countAjv(ajv.stderr);
    const vscodeCount = Number(vscode.stdout.trim()) || 0;
    const ratio = (ms) => `${seconds(ms)} (${(ms / lint.medianMs).toFixed(1)}×)`;
    const mbOf = (kb) => (kb === undefined ? '?' : `${Math.round(kb / 1024)} MB`);
    lines.push(
      `| ${n.toLocaleString('en-US')} | ${mb.toFixed(1)} | ${seconds(lint.medianMs)} | ${seconds(uncached.medianMs)} | ${ratio(ajv.medianMs)} | ${ratio(vscode.medianMs)} | ` +
        `${seconds(floor.medianMs)} | ${(lint.medianMs / floor.medianMs).toFixed(1)}× | ${mbOf(lintRss)} / ${mbOf(floorRss)} | ${lintCount} / ${ajvCount} / ${vscodeCount} |`,
    );
  }
  // Where the time goes, on the largest document, so a slow run says which stage or rule to look at.
  const largest = join(dataDir, `group-${Math.max(...sizes)}.json`);
  log('bench lint: in-process stages');
  const stages = spawnSync(process.execPath, [join(root, 'bench/lint-stages.mjs'), largest, String(Math.min(runs, 3))], { encoding: 'utf8', timeout: 600_000 });
  lines.push('', stages.status === 0 ? stages.stdout.trimEnd() : `(stage breakdown failed: ${stages.stderr.trim().split('\n')[0]})`);
  lines.push('', 'Ratios are the other tool\'s time over marathon-lint\'s (higher = marathon-lint faster). marathon-lint also reports',
    'line/col and runs every semantic rule; ajv-cli reports JSON pointers only; neither of the others knows Marathon\'s semantic rules.',
    'marathon-lint is timed as installed (bin/marathon-lint.cjs), after one untimed run has written its V8 code cache, as on any',
    'machine after the first run; "no code cache" runs dist/cli.cjs directly, as a first run would. It lints on one thread.',
    'The floor is a node process that only reads the file and JSON.parses it; issue 14\'s goals: lint ≤ 2× the floor\'s time',
    'and peak memory, ≥ 1.5× faster than ajv-cli, ≥ 3× faster than the JSON service.');
  return lines;
}

const floorScript = "JSON.parse(require('fs').readFileSync(process.argv[1], 'utf8'))";

/** Peak resident memory (KB) of one node process, read by a preload that prints process.resourceUsage() at exit. */
function peakRss(args) {
  const preload = "process.on('exit', () => process.stderr.write('\\npeak-rss ' + process.resourceUsage().maxRSS + '\\n'))";
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(preload)}`, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  const m = /peak-rss (\d+)/.exec(r.stderr ?? '');
  return m ? Number(m[1]) : undefined;
}

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
