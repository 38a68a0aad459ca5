// `npm start`: the main job on the built-in defaults, no cluster needed.
// 1. marathon-lint on the bundled examples (they contain mistakes on purpose, so findings are expected);
// 2. dvdi-bridge with its embedded `local` volume plugin, and a dry-run mount against it.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { bridgeUrl } from './bridgeUrl.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const node = process.execPath;
const say = (s) => console.log(`\n\x1b[1m${s}\x1b[0m`);

say('$ marathon-lint examples/');
const lint = spawnSync(node, [join(root, 'language-server/dist/cli.cjs'), 'examples/'], { cwd: root, stdio: 'inherit' });
console.log(`(exit ${lint.status}: the examples contain mistakes on purpose)`);

const dir = mkdtempSync(join(tmpdir(), 'dvdi-bridge-demo-'));
const tokenFile = join(dir, 'tokens');
writeFileSync(tokenFile, `demo:${randomBytes(24).toString('hex')}\n`, { mode: 0o600 });
// The demo token may create volumes on the local driver only; tokens may not create anything by default.
const policyFile = join(dir, 'policy.json');
writeFileSync(policyFile, JSON.stringify({ demo: { allowedDrivers: ['local'], allowCreate: true } }));
say('$ dvdi-bridge serve --listen 127.0.0.1:0 --token-file tokens --policy policy.json --state-dir <tmp>   (embedded local driver)');
const bridge = spawn(node, [join(root, 'agent-bridge/dist/bridge.cjs'), 'serve', '--listen', '127.0.0.1:0', '--token-file', tokenFile, '--state-dir', join(dir, 'state'), '--policy', policyFile], {
  stdio: ['ignore', 'pipe', 'pipe'],
});
let status = 0;
try {
  const url = await bridgeUrl(bridge);
  console.log(`listening on ${url}`);
  const dryRun = (args) => spawnSync(node, [join(root, 'agent-bridge/dist/bridge.cjs'), 'dry-run', '--url', url, '--token-file', tokenFile, ...args], { stdio: 'inherit' });
  say('$ dvdi-bridge dry-run --driver local --name demo-vol            (the volume does not exist: nothing is created)');
  dryRun(['--driver', 'local', '--name', 'demo-vol']);
  say('$ dvdi-bridge dry-run --driver local --name demo-vol --allow-create');
  status = dryRun(['--driver', 'local', '--name', 'demo-vol', '--allow-create']).status ?? 1;
  say('$ dvdi-bridge dry-run --driver local --name demo-vol            (now it exists: mounted, verified, released; it is still empty, so the bridge warns that data may be missing)');
  status = dryRun(['--driver', 'local', '--name', 'demo-vol']).status ?? 1;
  const left = readFileSync('/proc/self/mountinfo', 'utf8').split('\n').filter((l) => l.includes(dir));
  console.log(`mounts left under the demo state dir: ${left.length}`);
} catch (e) {
  console.error(`demo: ${e.message}`);
  status = 1;
} finally {
  bridge.kill('SIGTERM');
  await new Promise((r) => bridge.once('exit', r).once('error', r));
  rmSync(dir, { recursive: true, force: true });
}
process.exit(status);
