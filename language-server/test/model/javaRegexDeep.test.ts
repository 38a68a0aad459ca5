// LIKE/UNLIKE values nested thousands of groups deep. Java compiles a pattern with a recursive descent (Pattern.expr,
// sequence, group0, and TreeInfo's study for a look-behind) and turns a StackOverflowError during compile() into a
// PatternSyntaxException, "Stack overflow during pattern compilation" (OpenJDK 8 and 17, the Pattern constructor):
// JDK 17 with its default 1 MB thread stack says so past about 2,000 nested capturing groups or 4,000 non-capturing
// ones, at an index that moves with the JIT from run to run, and compiles them all with a larger stack (-Xss). Whether
// Marathon accepts such a value turns on the stack of the thread that validates it, which no document says: no
// error here. What must not happen is our own walk, look-behind measure or JavaScript compile failing on its stack.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { javaRegexError } from '../../src/model/app/javaRegex';
import { java8WrappedCount, java9OnlyConstruct } from '../../src/model/app/javaRegexJava9Only';
import { lint } from '../../src/index';

const nested = (open: string, n: number, body = 'a', close = ')') => `${open.repeat(n)}${body}${close.repeat(n)}`;

const deep = (n: number): [string, string][] => [
  ['capturing groups', nested('(', n)],
  ['non-capturing groups', nested('(?:', n)],
  ['alternations', nested('(a|', n, 'b')],
  ['look-behinds', nested('(?<=', n)],
  ['negative look-behinds', nested('(?<!', n)],
  ['look-aheads', nested('(?=', n)],
  ['independent groups', nested('(?>', n)],
  ['classes', nested('[', n, 'a', ']')],
  ['groups under comments mode', `(?x)${nested('( ', n)}`],
  ['groups in a look-behind', `(?<=${nested('(', n)})b`],
  ['alternations in a look-behind', `(?<=${nested('(?:a|', n, 'b')})c`],
  ['repeated groups in a look-behind', `(?<=${nested('(?:', n, 'a', ')*')})c`],
  ['capturing groups one after another', '(a)'.repeat(n)],
];

for (const n of [10_000, 100_000]) {
  test(`${n.toLocaleString('en')} levels: no error (Java's verdict turns on its thread's stack), no JavaScript stack overflow`, () => {
    for (const [what, p] of deep(n)) {
      const error = javaRegexError(p);
      assert.ok(error === undefined, `${what}: ${error?.slice(0, 100)}`);
      assert.equal(java9OnlyConstruct(p), undefined, what);
      assert.equal(java8WrappedCount(p), undefined, what);
    }
  });
}

test('through the engine: a LIKE value 10,000 groups deep is linted without constraint-like-regex', () => {
  const app = { id: '/web', cmd: 'sleep 1000', constraints: [['rack', 'LIKE', nested('(', 10_000)], ['rack', 'UNLIKE', `(?<=${nested('(?:a|', 10_000, 'b')})c`]] };
  const found = lint(JSON.stringify(app)).diagnostics.filter((d) => d.ruleId.startsWith('constraint-like-regex'));
  assert.deepEqual(found, []);
});
