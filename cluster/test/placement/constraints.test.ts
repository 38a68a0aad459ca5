// Marathon's constraint semantics against the table in constraint-cases.json (from mesos-master-api.md §3, §5).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkConstraint, parseConstraints } from '../../src/placement/constraints';
import { formatScalar, isScalarTextKnown } from '../../src/placement/fieldValue';
import type { PlacementAgent } from '../../src/placement/fieldValue';
import fc from 'fast-check';

interface Table {
  agents: Record<string, PlacementAgent>;
  cases: { why: string; agent: string; constraint: string[]; placed?: (string | null)[]; pass: boolean }[];
}
const table = JSON.parse(readFileSync(new URL('./constraint-cases.json', import.meta.url), 'utf8')) as Table;

for (const c of table.cases) {
  test(`${c.why}: ${JSON.stringify(c.constraint)} on ${c.agent} → ${c.pass ? 'passes' : 'fails'}`, () => {
    const { constraints, problems } = parseConstraints([c.constraint]);
    assert.deepEqual(problems, []);
    const placed = (c.placed ?? []).map((p) => (p === null ? undefined : table.agents[p]));
    const r = checkConstraint(constraints[0], table.agents[c.agent], placed);
    assert.equal(r.pass, c.pass, r.reason);
    assert.ok(r.reason.length > 0);
  });
}

test('DecimalFormat("0.###") examples from the reference', () => {
  const cases: [number, string][] = [[10.0, '10'], [2.5, '2.5'], [0.1234, '0.123'], [1.0005, '1'], [1.00051, '1.001'], [15038.0, '15038'], [0.0625, '0.062'], [0.1875, '0.188'], [-2.25, '-2.25'], [0, '0']];
  for (const [x, s] of cases) assert.equal(formatScalar(x), s, String(x));
});

// Values checked against a JVM (OpenJDK 17, whose Double.toString digits are Java 8's, the JVM Marathon 1.10 runs on):
// DecimalFormat takes the digits of Double.toString and pads with zeros, while formatScalar writes the double's exact
// value. They differ once a scalar has more digits than Java keeps, so a constraint on such a value is undecided.
test('scalars past what formatScalar writes as the JVM does are undecided, never compared on another text', () => {
  // Java writes 2^60 as 1152921504606846980 and 1e23 as 99999999999999990000000; formatScalar would not.
  for (const x of [2 ** 60, 2 ** 62, 1e21, 1e23, 2 ** 42 + 0.5, 2 ** 53 + 2, -(2 ** 60)]) {
    assert.equal(isScalarTextKnown(x), false, String(x));
    const agent = { hostname: 'a1', attributes: { disk_id: x } };
    for (const op of ['IS', 'LIKE', 'UNLIKE', 'CLUSTER', 'UNIQUE', 'GROUP_BY', 'MAX_PER']) {
      const c = parseConstraints([['disk_id', op, op === 'MAX_PER' || op === 'GROUP_BY' ? '2' : '1.*']]).constraints[0];
      const r = checkConstraint(c, agent);
      assert.equal(r.undecided, true, `${op} on ${x}: ${r.reason}`);
      assert.match(r.reason, /Java/);
    }
    // On the agent of an instance already placed, too: UNIQUE compares its text.
    const placedOn = checkConstraint(parseConstraints([['disk_id', 'UNIQUE']]).constraints[0], { hostname: 'a2', attributes: { disk_id: 7 } }, [agent]);
    assert.equal(placedOn.undecided, true, placedOn.reason);
  }
  // An IS value past it, too, where the agent's text could be Java's for it (a text attribute of its digits).
  const is = checkConstraint(parseConstraints([['disk_id', 'IS', '1152921504606846976']]).constraints[0], { hostname: 'a1', attributes: { disk_id: '1152921504606846976' } });
  assert.equal(is.undecided, true, is.reason);
  // Not where no text near that value could be: Java's is a plain decimal that reads back as the value.
  for (const far of [7, 'rack-1', 2 ** 59, '1152921504606846976x']) {
    const r = checkConstraint(parseConstraints([['disk_id', 'IS', '1152921504606846976']]).constraints[0], { hostname: 'a1', attributes: { disk_id: far } });
    assert.deepEqual([r.pass, r.undecided], [false, far === 2 ** 59 ? true : undefined], `${far}: ${r.reason}`);
  }
  // Whole values below 2^53 and any value below 2^42 stay decided: their text is Java's.
  for (const [x, text] of [[2 ** 53 - 1, '9007199254740991'], [2 ** 50, '1125899906842624'], [2 ** 41 + 0.25, '2199023255552.25'], [123.4567, '123.457']] as const) {
    assert.equal(formatScalar(x), text);
    const r = checkConstraint(parseConstraints([['disk_id', 'IS', text]]).constraints[0], { hostname: 'a1', attributes: { disk_id: x } });
    assert.deepEqual([r.pass, r.undecided], [true, undefined], r.reason);
  }
});

test('malformed constraints are problems that name the entry, never a throw', () => {
  const { constraints, problems } = parseConstraints([['hostname', 'unique'], ['a'], 'x', ['rack', 'LIKE', 'r1'], [1, 'IS']]);
  assert.equal(constraints.length, 1);
  assert.deepEqual(problems.map((p) => p.split(' ')[0]), ['constraints/0', 'constraints/1', 'constraints/2', 'constraints/4']);
  assert.deepEqual(parseConstraints({}).problems.length, 1);
});

test('Java-only regex syntax that JavaScript reads as something else is undecided, never a silent wrong answer', () => {
  // Each is valid for java.util.regex and matches the agent's "rack-1"; without the `u` flag JavaScript compiles
  // every one of them to a different pattern (\p → "p", \Q → "Q", [a[b]] → a class then "]", [] → nothing).
  const agent = { hostname: 'a1', attributes: { rack: 'rack-1' } };
  for (const pattern of ['\\p{Lower}+-1', '\\Qrack-1\\E', '[a-z&&[^x]]+-1', '[a-c[k-r]]+-1', '\\p{Alpha}+\\p{Punct}\\d', 'rack-1\\z', '\\Arack-1', '[]a-z]+-1', 'rack\\x{2D}1', 'r\\0141ck-1', '\\h*rack-1']) {
    for (const op of ['LIKE', 'UNLIKE']) {
      const { constraints } = parseConstraints([['rack', op, pattern]]);
      const r = checkConstraint(constraints[0], agent);
      assert.equal(r.undecided, true, `${op} ${pattern}: ${r.pass} (${r.reason})`);
      assert.equal(r.pass, false);
      assert.match(r.reason, /Java/, r.reason);
    }
  }
  // Escapes both engines read alike stay decided.
  const same = parseConstraints([['rack', 'LIKE', '\\w+\\-\\d\\b']]).constraints[0];
  assert.deepEqual([checkConstraint(same, agent).pass, checkConstraint(same, agent).undecided], [true, undefined]);
});

test('a value only Java 9+ compiles matches no agent: Marathon on Java 8 refuses the app, as constraint-like-regex-java9 warns', () => {
  // \N{…}, \X and \b{g} are Java 9 additions Java 8's Pattern refuses; (?<!-0+) after a character is a look-behind
  // Java 8 cannot bound (javaLookbehind.ts). Each passes no agent, decided, with Java 8's words; JavaScript would read
  // the first three as something else and match the last one.
  const agent = { hostname: 'node-7', attributes: { rack: 'rack-1' } };
  const cases: [string, string, string, string][] = [
    ['rack', 'rack\\N{HYPHEN-MINUS}1', 'Illegal/unsupported escape sequence near index 5', '\\N{HYPHEN-MINUS}'],
    ['rack', 'rack-\\X', 'Illegal/unsupported escape sequence near index 6', '\\X'],
    ['rack', '\\b{g}rack-1', 'Illegal repetition near index 1', '\\b{g}'],
    ['hostname', 'node-\\d+(?<!-0+)', 'Look-behind group does not have an obvious maximum length near index 14', '(?<!-0+)'],
  ];
  for (const [field, pattern, java8Says, construct] of cases) {
    for (const op of ['LIKE', 'UNLIKE']) {
      const r = checkConstraint(parseConstraints([[field, op, pattern]]).constraints[0], agent);
      assert.deepEqual([r.pass, r.undecided], [false, undefined], `${op} ${pattern}: ${r.reason}`);
      assert.equal(r.reason, `Marathon on Java 8 refuses the app: java.util.regex of Java 8 says ${JSON.stringify(java8Says)} at ${JSON.stringify(construct)}; Java 9+ accepts it`);
    }
  }
  // What Java 8 and Java 9+ both compile stays decided on its match.
  const r = checkConstraint(parseConstraints([['hostname', 'LIKE', 'node-\\d+(?<!-0{1,64})']]).constraints[0], agent);
  assert.deepEqual([r.pass, r.undecided], [true, undefined], r.reason);
});

test('a back reference is undecided: Java fails one to a group that has not matched, JavaScript matches it as empty', () => {
  // java.util.regex BackRef.match: "If the referenced group didn't match, neither can this"; a JavaScript back reference
  // to a group that did not take part, or comes later, matches the empty string; one past the groups is an octal escape
  // (\12: a line feed, where Java reads \1 then "2"). Each of these fails on "rack-1" in Java and matches it in JavaScript.
  const agent = { hostname: 'a1', attributes: { rack: 'rack-1' } };
  for (const pattern of ['(x)?rack-1\\1', '\\1(r)ack-1', '(?<g>x)?rack-1\\k<g>', '(r)ack-1\\12?']) {
    const c = parseConstraints([['rack', 'LIKE', pattern]]).constraints[0];
    const r = checkConstraint(c, agent);
    assert.equal(r.undecided, true, `LIKE ${pattern}: ${r.pass} (${r.reason})`);
    assert.match(r.reason, /back reference/, r.reason);
  }
});

test('any LIKE/UNLIKE value gives a verdict or "undecided", never a throw', () => {
  const agent = { hostname: 'a1', attributes: { rack: 'rack-1' } };
  fc.assert(
    fc.property(fc.constantFrom('LIKE', 'UNLIKE'), fc.string({ unit: fc.constantFrom(...'\\[]{}()^$.|?*+-&:<>=!0123456789aAbBdDpPQEkuxcz,'.split('')), maxLength: 16 }), (op, v) => {
      const r = checkConstraint(parseConstraints([['rack', op, v]]).constraints[0], agent);
      assert.equal(typeof r.pass, 'boolean');
      assert.ok(r.reason.length > 0);
      if (r.undecided) assert.equal(r.pass, false);
    }),
    { numRuns: 2000 },
  );
});

test('MAX_PER passes where no instance has the value yet, whatever the limit (Constraints.scala checkMaxPer: find(...).forall(_ < max))', () => {
  // Marathon accepts MAX_PER 0 and negative limits (SchedulingValidation: an integer); the first instance per value still lands.
  const zoneA = { hostname: 'a1', attributes: {}, domain: { fault_domain: { region: { name: 'eu' }, zone: { name: 'a' } } } };
  const zoneB = { ...zoneA, hostname: 'b1', domain: { fault_domain: { region: { name: 'eu' }, zone: { name: 'b' } } } };
  for (const max of ['0', '-3']) {
    const c = parseConstraints([['@zone', 'MAX_PER', max]]).constraints[0];
    assert.equal(checkConstraint(c, zoneA, []).pass, true, `MAX_PER ${max}, nothing placed`);
    assert.equal(checkConstraint(c, zoneA, [zoneB]).pass, true, `MAX_PER ${max}, one in another zone`);
    assert.equal(checkConstraint(c, zoneA, [zoneA]).pass, false, `MAX_PER ${max}, one in this zone`);
  }
});

test('a huge scalar on the agent of a placed instance leaves IS, LIKE, UNLIKE and CLUSTER with a value decided: Marathon reads only the offer for them', () => {
  // Constraints.scala checkConstraint: LIKE, UNLIKE and IS compare the offer's value alone, CLUSTER with a value too
  // (checkCluster); only UNIQUE, GROUP_BY, MAX_PER and an empty CLUSTER read the placed instances' values.
  const placedOn = { hostname: 'a2', attributes: { disk_id: 2 ** 60 } };
  const here = { hostname: 'a1', attributes: { disk_id: 7 } };
  for (const [op, value, pass] of [['IS', '7', true], ['IS', '8', false], ['LIKE', '7', true], ['UNLIKE', '7', false], ['CLUSTER', '7', true]] as const) {
    const r = checkConstraint(parseConstraints([['disk_id', op, value]]).constraints[0], here, [placedOn]);
    assert.deepEqual([r.pass, r.undecided], [pass, undefined], `${op} ${value}: ${r.reason}`);
  }
  // Those that compare with the placed instances stay undecided.
  for (const op of ['UNIQUE', 'GROUP_BY', 'MAX_PER', 'CLUSTER']) {
    const r = checkConstraint(parseConstraints([['disk_id', op, ...(op === 'MAX_PER' ? ['2'] : [])]]).constraints[0], here, [placedOn]);
    assert.equal(r.undecided, true, `${op}: ${r.reason}`);
  }
});

// Java compiles a pattern with a recursive descent (Pattern.expr, sequence, group0) and answers a StackOverflowError
// during compile() as a PatternSyntaxException, "Stack overflow during pattern compilation": on JDK 17 with a 1 MB
// thread stack past about 2,000 nested capturing groups, a depth that moves with the stack size and the JIT. So
// whether Marathon accepts such a value is not the pattern's to say. JavaScript's engine, for its part, ran out of
// memory compiling 10,000 nested (a| (a crash of the whole process, the gate's or the language server's), threw
// RangeError at 20,000 nested groups and crashed with SIGSEGV at 100,000 nested look-behinds.
test('a LIKE value nested 10,000 groups deep or more is undecided, never a crash', () => {
  const agent = { hostname: 'a1', attributes: { rack: 'a' } };
  for (const [open, n] of [['(a|', 10_000], ['(', 20_000], ['(?<=', 100_000], ['(?:', 10_000]] as const) {
    const value = `${open.repeat(n)}b${')'.repeat(n)}`;
    for (const op of ['LIKE', 'UNLIKE']) {
      const r = checkConstraint(parseConstraints([['rack', op, value]]).constraints[0], agent);
      assert.deepEqual([r.pass, r.undecided], [false, true], `${op} ${open} × ${n}: ${r.reason.slice(-200)}`);
      assert.match(r.reason, /nests groups \d+ deep/);
    }
  }
});

// JavaScript's engine compiles a RegExp for its first match, and there it can still fail ("Stack overflow" for 10,000
// alternatives in a look-behind, nested two deep). Its message opens with the whole pattern ("Invalid regular
// expression: /^(?:…)$/: Stack overflow"), so a message cut short named the pattern and lost the reason.
test('a LIKE value the engine cannot run is undecided, saying the engine\'s reason rather than the pattern again', () => {
  const agent = { hostname: 'a1', attributes: { rack: 'a' } };
  const value = `(?<=${'(?:a|b)'.repeat(50_000)})c`;
  const r = checkConstraint(parseConstraints([['rack', 'LIKE', value]]).constraints[0], agent);
  assert.deepEqual([r.pass, r.undecided], [false, true], r.reason.slice(-200));
  const why = r.reason.slice(r.reason.indexOf('cannot run it'));
  assert.match(why, /^cannot run it \([A-Z][^/()]*\)$/, why.slice(0, 200));
});
