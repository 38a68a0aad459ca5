/** The shipped examples stay in step with the code: flags the CLI knows, a policy it loads, an app that lints clean. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { parseFlags, parseListen } from '../../src/cli/args';
import { SERVE_FLAGS } from '../../src/cli/serveConfig';
import { parsePolicy } from '../../src/security/policyFile';

const ROOT = resolve(import.meta.dirname, '../../..');
const EX = join(ROOT, 'agent-bridge/examples');

describe('agent-bridge examples', () => {
  it('the systemd unit runs `serve` with flags the CLI accepts and a listen address it parses', () => {
    const unit = readFileSync(join(EX, 'dvdi-bridge.service'), 'utf8');
    const joined = unit.replace(/\\\n\s*/g, ' '); // systemd line continuations
    const exec = /^ExecStart=(.*)$/m.exec(joined)![1].trim().split(/\s+/);
    assert.equal(exec[2], 'serve');
    const flags = parseFlags(exec.slice(3), SERVE_FLAGS, 'serve');
    assert.deepEqual(parseListen(flags.strings.get('listen')!), { host: '0.0.0.0', port: 8474 });
    assert.ok(flags.strings.has('token-file'));
    assert.doesNotMatch(unit, /^(ProtectSystem|ProtectHome|PrivateTmp|ReadWritePaths|PrivateMounts)=/m, 'no private mount namespace');
  });

  it('the policy example loads for its token names and refuses what it should', () => {
    const resolvePolicy = parsePolicy(readFileSync(join(EX, 'policy.json'), 'utf8'), ['ops', 'ci', 'laptop']);
    assert.equal(resolvePolicy('ops').allowCreate, true);
    assert.deepEqual(resolvePolicy('laptop').allowedDrivers, ['local']);
    assert.ok(resolvePolicy('ci').volumeNamePatterns!.length > 0);
  });

  it('the Marathon app runs one bridge per agent and its cmd uses known serve flags', () => {
    const app = JSON.parse(readFileSync(join(EX, 'marathon-app.json'), 'utf8'));
    assert.deepEqual(app.constraints, [['hostname', 'UNIQUE']]);
    assert.equal(app.requirePorts, true);
    assert.equal(app.user, 'root');
    assert.ok(app.taskKillGracePeriodSeconds >= 600, 'Marathon must wait for unmounts on kill');
    const argv = app.cmd.split(/\s+/);
    const i = argv.indexOf('serve');
    const flags = parseFlags(argv.slice(i + 1), SERVE_FLAGS, 'serve');
    assert.equal(flags.strings.get('listen'), '0.0.0.0:$PORT0');
    assert.equal(app.healthChecks[0].path, '/healthz');
  });

  it('the Marathon app lints clean with marathon-lint', { skip: !existsSync(join(ROOT, 'language-server/src/cli/main.ts')) && 'marathon-lint is not written yet' }, () => {
    const r = spawnSync(process.execPath, ['--import', 'tsx', join(ROOT, 'language-server/src/cli/main.ts'), join(EX, 'marathon-app.json')], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.status, 0, r.stdout + r.stderr);
  });
});
