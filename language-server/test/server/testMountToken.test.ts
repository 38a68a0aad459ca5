import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { agentToken } from '../../src/server/testMount';

test('Test mount token: a pasted name:token line or a bare token in MARATHON_AGENT_TOKEN; else the agent\'s line of tokenFile; else what to set', () => {
  assert.deepEqual(agentToken('a1', {}, { MARATHON_AGENT_TOKEN: 'alice:s3cret-token' }), { token: 's3cret-token' });
  assert.deepEqual(agentToken('a1', {}, { MARATHON_AGENT_TOKEN: ' bare-token ' }), { token: 'bare-token' });
  const dir = mkdtempSync(join(tmpdir(), 'md-tokens-'));
  writeFileSync(join(dir, 'tokens'), '# comment\nother:first-token\na1:agent-token\n');
  assert.deepEqual(agentToken('a1', { tokenFile: join(dir, 'tokens') }, {}), { token: 'agent-token' });
  assert.deepEqual(agentToken('zz', { tokenFile: join(dir, 'tokens') }, {}), { token: 'first-token' });
  const missing = agentToken('a1', { tokenFile: join(dir, 'nope') }, {});
  assert.ok('problem' in missing && /marathon\.tokenFile .*nope cannot be read \(ENOENT\)\. Set MARATHON_AGENT_TOKEN .* "a1:<token>"/.test(missing.problem), JSON.stringify(missing));
  const none = agentToken('a1', {}, {});
  assert.ok('problem' in none && none.problem.startsWith('No token for agent a1. Set MARATHON_AGENT_TOKEN'), JSON.stringify(none));
});
