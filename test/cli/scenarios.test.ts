/**
 * Runs every `scenarios/*.scenario` against the real built CLI (`language-server/dist/cli.cjs`, made by
 * `npm run build`) in a fresh temporary directory, and compares status, stdout and stderr.
 * UPDATE_GOLDEN=1 rewrites the expected sections from the actual run instead of comparing;
 * SCENARIO=<substring> runs only the scenarios whose name contains it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeOutput, parseScenario, serializeScenario, type Section } from './scenarioFile';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
// MARATHON_LINT_CLI points the tests at another build of the same CLI (e.g. one outside the shared dist/).
const cli = process.env.MARATHON_LINT_CLI ?? join(root, 'language-server/dist/cli.cjs');
const scenarioDir = join(here, 'scenarios');
const update = process.env.UPDATE_GOLDEN === '1';
const only = process.env.SCENARIO ?? '';

test('the CLI bundle is built', () => {
  assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
});

for (const name of readdirSync(scenarioDir).filter((f) => f.endsWith('.scenario') && f.includes(only)).sort()) {
  // Nothing built is a failure, not a skip: a green run must mean the CLI was exercised.
  test(name.replace(/\.scenario$/, ''), async () => {
    assert.ok(existsSync(cli), `${cli} is missing: run \`npm run build\` first`);
    const path = join(scenarioDir, name);
    const sections = parseScenario(readFileSync(path, 'utf8'), name);
    const get = (n: string) => sections.find((s) => s.name === n);
    const command = get('command');
    assert.ok(command, `${name}: no ====command==== section`);

    const dir = mkdtempSync(join(tmpdir(), 'marathon-lint-scenario-'));
    let stopStandin = () => {};
    try {
      for (const s of sections) {
        const file = s.name === 'document' ? 'document.json' : s.name.startsWith('asset:') ? s.name.slice('asset:'.length) : undefined;
        if (file === undefined) continue;
        mkdirSync(dirname(join(dir, file)), { recursive: true });
        writeFileSync(join(dir, file), s.body + '\n');
      }
      const setup = get('setup');
      if (setup) {
        const r = spawnSync('sh', ['-e', '-c', setup.body], { cwd: dir, encoding: 'utf8', timeout: 60_000 });
        assert.equal(r.status, 0, `${name}: setup failed: ${r.stderr}`);
      }
      // A stand-in Marathon for `--marathon` scenarios, as its own process (the command below runs synchronously).
      const marathonArgs = get('marathon');
      let marathonUrl = '';
      if (marathonArgs) {
        const standin = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), join(root, 'test/standins/marathon/main.ts'), ...marathonArgs.body.trim().split(/\s+/)], { cwd: dir, stdio: ['ignore', 'pipe', 'inherit'] });
        stopStandin = () => standin.kill('SIGKILL');
        const [chunk] = (await once(standin.stdout, 'data')) as [Buffer];
        marathonUrl = chunk.toString().split('\n')[0].trim();
      }
      const bin = `${JSON.stringify(process.execPath)} ${JSON.stringify(cli)}`;
      const cmd = command.body.replaceAll('{bin}', bin).replaceAll('{document}', 'document.json').replaceAll('{marathon}', marathonUrl);
      const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '', FORCE_COLOR: '' };
      // In GitHub Actions the github and sarif formats name files from the checkout; a scenario sets it itself.
      delete env.GITHUB_WORKSPACE;
      const r = spawnSync('sh', ['-c', cmd], {
        cwd: dir,
        env,
        input: get('stdin') ? get('stdin')!.body + '\n' : '',
        encoding: 'utf8',
        timeout: 60_000,
        maxBuffer: 256 * 1024 * 1024,
      });
      assert.equal(r.error, undefined, `${name}: the command did not finish: ${r.error?.message}`);
      const unport = (out: string) => (marathonUrl ? out.replaceAll(marathonUrl, '{marathon}') : out);
      const actual = { status: String(r.status), stdout: unport(normalizeOutput(r.stdout)), stderr: unport(normalizeOutput(r.stderr)) };

      if (update) {
        const next: Section[] = sections.filter((s) => !['status', 'stdout', 'stderr'].includes(s.name));
        next.push({ name: 'status', body: actual.status }, { name: 'stdout', body: actual.stdout });
        if (get('stderr') || actual.stderr !== '') next.push({ name: 'stderr', body: actual.stderr });
        writeFileSync(path, serializeScenario(next));
        return;
      }
      // Whatever the input, the user never sees a stack trace. Node colours its own frames grey when FORCE_COLOR is
      // set at all (even empty, as above), and a frame is followed by ` {` when the error has properties (a `code`).
      assert.doesNotMatch(actual.stderr.replace(/\x1b\[\d+m/g, ''), /^\s+at .+:\d+:\d+\)?(?: \{)?$/m, `${name}: stack trace on stderr`);
      assert.equal(actual.stdout, get('stdout')?.body ?? '', `${name}: stdout differs`);
      if (get('stderr')) assert.equal(actual.stderr, get('stderr')!.body, `${name}: stderr differs`);
      assert.equal(actual.status, get('status')?.body.trim(), `${name}: exit status differs (stderr: ${actual.stderr})`);
    } finally {
      stopStandin();
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
