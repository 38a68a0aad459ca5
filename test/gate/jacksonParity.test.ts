// The gate reads a body's bytes as Marathon's reader does, checked against the reader itself: real Jackson
// (jackson-core from Debian's libjackson2-core-java; Marathon 1.10 pins Jackson 2.10, whose UTF-8 decoding in
// UTF8StreamJsonParser is the same) run over bodies whose strings hold every kind of UTF-8 Jackson may meet:
// overlong forms, encoded surrogates, 4-byte values past U+10FFFF, stray and cut sequences, with anything after
// the value. Whenever Jackson reads a value, the gate must read the same value: a body Marathon deploys that the
// gate read differently is a write nobody judged (docs/gate.md "What is judged").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { decodeBody, parseBody } from '../../gate/src/marathonReader';

const here = dirname(fileURLToPath(import.meta.url));
const jar = process.env.JACKSON_CORE_JAR ?? '/usr/share/java/jackson-core.jar';
const hasJdk = spawnSync('javac', ['-version']).status === 0;
const skip = !hasJdk ? 'needs a JDK (javac): apt install openjdk-17-jdk-headless (scripts/install-test-deps.sh does)'
  : !existsSync(jar) ? `needs jackson-core at ${jar}: apt install libjackson2-core-java, or set JACKSON_CORE_JAR` : false;

const bytes = (...b: number[]) => b;
const cont = (v: number) => 0x80 | (v & 0x3f);
/** What may stand inside a JSON string, as raw bytes. */
const piece = fc.oneof(
  fc.string({ maxLength: 6 }).map((s) => [...Buffer.from(JSON.stringify(s).slice(1, -1))]),
  fc.integer({ min: 0, max: 0x7f }).map((c) => bytes(0xc0 | (c >> 6), cont(c))), // overlong 2-byte form of ASCII
  fc.integer({ min: 0, max: 0x7ff }).map((c) => bytes(0xe0, cont(c >> 6), cont(c))), // overlong 3-byte form
  fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => bytes(0xe0 | (c >> 12), cont(c >> 6), cont(c))), // a surrogate
  fc.integer({ min: 0, max: 0x1fffff }).map((c) => bytes(0xf0 | (c >> 18), cont(c >> 12), cont(c >> 6), cont(c))), // any 4-byte value
  fc.constantFrom(...'"\\nLe/'.split('')).map((c) => bytes(0xc0 | (c.charCodeAt(0) >> 6), cont(c.charCodeAt(0)))), // the characters that matter
  fc.integer({ min: 0x80, max: 0xff }).map((b) => [b]), // a stray or cut byte
  fc.uint8Array({ maxLength: 3 }).map((b) => [...b]),
);
const jsonString = fc.array(piece, { maxLength: 4 }).map((ps) => [0x22, ...ps.flat(), 0x22]);
const number = fc.integer().map((n) => [...Buffer.from(String(n))]);
const { value } = fc.letrec<{ value: number[]; object: number[]; array: number[] }>((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, jsonString, number, tie('object'), tie('array')),
  object: fc.array(fc.tuple(jsonString, tie('value')), { maxLength: 4 }).map((es) => [0x7b, ...es.flatMap(([k, v], i) => [...(i ? [0x2c] : []), ...k, 0x3a, ...v]), 0x7d]),
  array: fc.array(tie('value'), { maxLength: 3 }).map((vs) => [0x5b, ...vs.flatMap((v, i) => [...(i ? [0x2c] : []), ...v]), 0x5d]),
}));
/** An object (what the gate judges) holding any values, then maybe bytes Jackson never reads. */
const body = fc
  .tuple(fc.array(fc.tuple(jsonString, value), { maxLength: 4 }), fc.oneof(fc.constant([]), fc.uint8Array({ maxLength: 4 }).map((b) => [...b])))
  .map(([entries, after]) => Buffer.from([0x7b, ...entries.flatMap(([k, v], i) => [...(i ? [0x2c] : []), ...k, 0x3a, ...v]), 0x7d, ...after]));

/** A body whose field name Jackson's symbol table then holds, and one naming it with 0xFF bytes in front of its last four. */
const collisions: [string, string][] = [
  ['{"id":1}', '{"\xffid":2}'], // one group of four: "\xFF\xFFid" would do too
  ['{"container":{"volumes":[]}}', '{"containe\xff\xff\xffr":{"volumes":[7]}}'], // the last of three groups
  ['{"\\n\\u00e9ab":1}', '{"\\n\xc3\xa9a\xffb":3}'], // an escape and a two-byte character before it
];

test('every value Jackson reads from a body is the value the gate reads', { skip, timeout: 120_000 }, () => {
  const work = mkdtempSync(join(tmpdir(), 'jackson-parity-'));
  try {
    const javac = spawnSync('javac', ['-cp', jar, '-d', work, join(here, 'jackson/ReadFirstValue.java')], { encoding: 'utf8' });
    assert.equal(javac.status, 0, javac.stderr);
    const seed = Number(process.env.JACKSON_PARITY_SEED ?? Date.now() % 100_000);
    const bodies = [
      Buffer.from('{"e\xc1\xaev":[]}', 'latin1'), // the walk's case: Jackson reads the key "env"
      Buffer.from('{"a":"x\xc0\xa2y"}\xff', 'latin1'), // an overlong quote is a character, not the string's end
      // Jackson's symbol table, shared by every body as Marathon's factory is: a field name whose last four bytes
      // start with 0xFF is found as the name without them once that name was read (jacksonUtf8.ts symbolTablePadding).
      ...collisions.flatMap(([seen, padded]) => [Buffer.from(seen, 'latin1'), Buffer.from(padded, 'latin1')]),
      ...fc.sample(body, { numRuns: 3000, seed }),
    ];
    const run = spawnSync('java', ['-cp', `${work}:${jar}`, 'ReadFirstValue'], { input: bodies.map((b) => b.toString('hex')).join('\n') + '\n', encoding: 'utf8', maxBuffer: 64 << 20 });
    assert.equal(run.status, 0, run.stderr);
    const answers = run.stdout.split('\n').slice(0, bodies.length);
    assert.equal(answers.length, bodies.length);
    let read = 0;
    answers.forEach((answer, i) => {
      if (!answer.startsWith('OK ')) return; // Marathon answers 400 itself: nothing is deployed, whatever the gate reads
      read++;
      const gate = parseBody(decodeBody(bodies[i]));
      assert.deepEqual(gate?.value, JSON.parse(answer.slice(3)), `body ${bodies[i].toString('hex')} (seed ${seed}): Jackson read ${answer.slice(3)}`);
    });
    assert.ok(read > bodies.length / 4, `Jackson read only ${read} of ${bodies.length} bodies: the cases miss what Marathon accepts`);
    assert.ok(answers[0].includes('"env"'), `Jackson is expected to read the overlong "n": ${answers[0]}`);
    collisions.forEach((_, k) => assert.ok(answers[3 + 2 * k].startsWith('OK '), `Jackson is expected to read the padded name of ${bodies[3 + 2 * k].toString('hex')}: ${answers[3 + 2 * k]}`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});
