// Warning headers (RFC 7234 §5.5) under Kubernetes' bounds, for any findings at all (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { maxWarningLength, maxWarningsTotal, warningHeaders } from '../src/warningHeaders';
import type { GateFinding } from '../src/judge';

const finding = fc.record({
  ruleId: fc.stringMatching(/^[a-z][a-z0-9-]{0,40}$/),
  severity: fc.constantFrom('error', 'warning', 'info') as fc.Arbitrary<GateFinding['severity']>,
  message: fc.string({ maxLength: 600, unit: 'binary' }),
  path: fc.string({ maxLength: 80 }),
  pass: fc.constantFrom('app', 'document', 'root') as fc.Arbitrary<GateFinding['pass']>,
  appId: fc.option(fc.string({ maxLength: 60 }), { nil: undefined }),
});
// warn-value = warn-code SP warn-agent SP warn-text; warn-text = quoted-string (RFC 7230 §3.2.6).
const warningSyntax = /^299 marathon-gate "(?:[\t\x20\x21\x23-\x5b\x5d-\x7e]|\\[\t\x20-\x7e])*"$/;

test('each value is a valid 299 warning under 256 characters, all together at most 4 KiB, none lost silently', () => {
  fc.assert(
    fc.property(fc.array(finding, { maxLength: 120 }), fc.array(fc.string({ maxLength: 40 }), { maxLength: 3 }), (findings, skipped) => {
      const values = warningHeaders(findings, skipped);
      for (const v of values) {
        assert.ok(v.length <= maxWarningLength, `${v.length} chars: ${v}`);
        assert.match(v, warningSyntax);
      }
      assert.ok(values.reduce((n, v) => n + v.length, 0) <= maxWarningsTotal);
      const expected = findings.length + (skipped.length > 0 ? 1 : 0);
      if (values.length < expected) assert.match(values.at(-1)!, /\d+ more findings not shown/);
      else assert.equal(values.length, expected);
    }),
    { numRuns: 300 },
  );
});

test('errors come first and each text carries severity, path, message and rule id', () => {
  const f = (severity: GateFinding['severity'], ruleId: string): GateFinding => ({ ruleId, severity, message: 'm', path: '/cmd', pass: 'app' });
  assert.deepEqual(warningHeaders([f('info', 'a'), f('error', 'b'), f('warning', 'c')]), [
    '299 marathon-gate "error /cmd m (b)"',
    '299 marathon-gate "warning /cmd m (c)"',
    '299 marathon-gate "info /cmd m (a)"',
  ]);
});
