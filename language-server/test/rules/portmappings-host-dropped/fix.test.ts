// The quick fix keeps what Marathon would have dropped: the mappings become portDefinitions, labels included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyTextEdits, fixToTextEdits, lint } from '../../../src/index';

test('portmappings-host-dropped: the fix moves the mappings to portDefinitions and the warning goes away', () => {
  const text = readFileSync(join(import.meta.dirname, 'invalid-host-with-vip.json'), 'utf8');
  const finding = lint(text).diagnostics.find((d) => d.ruleId === 'portmappings-host-dropped');
  assert.ok(finding?.fix);
  const fixed = applyTextEdits(text, fixToTextEdits(text, finding.fix));
  const app = JSON.parse(fixed);
  assert.deepEqual(app.portDefinitions, [{ port: 0, name: 'http', labels: { VIP_0: '/web:80' } }]);
  assert.equal(app.container.portMappings, undefined);
  assert.deepEqual(lint(fixed).diagnostics.map((d) => d.ruleId), []);
});
