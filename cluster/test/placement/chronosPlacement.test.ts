// Chronos's constraint semantics (mesos/chronos scheduler/jobs/constraints/*.scala, scheduler/mesos/ConstraintChecker.scala;
// chronos-job.md §2) where they differ from Marathon's, and any input at all never throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { MesosAgent } from '../../src/mesos/agent';
import { placeChronosJob } from '../../src/placement/chronosPlacement';

const agent = (hostname: string, attributes: MesosAgent['attributes'], region?: string): MesosAgent => ({ id: `S-${hostname}`, hostname, attributes, ...(region ? { domain: { fault_domain: { region: { name: region }, zone: { name: 'a' } } } } : {}) });
const A = agent('10.0.0.1', { rack: 'r1', level: 10, ports: '[31000-32000, 33000-34000]', share: 0.5 });
const B = agent('10.0.0.2', { rack: 'r2', hostname: 'alias-b' });
const hosts = (constraints: unknown, agents = [A, B], masterRegion?: string) => placeChronosJob({ constraints }, agents, { masterRegion }).candidates.map((a) => a.hostname);

test('EQUALS compares text attributes only; a scalar or ranges attribute reads as ""', () => {
  assert.deepEqual(hosts([['rack', 'EQUALS', 'r1']]), ['10.0.0.1']);
  assert.deepEqual(hosts([['level', 'EQUALS', '10']]), []);
  assert.deepEqual(hosts([['level', 'EQUALS', '']]), ['10.0.0.1']);
});

test('LIKE and UNLIKE: a scalar as Java\'s Double.toString, ranges and a missing attribute pass neither', () => {
  assert.deepEqual(hosts([['level', 'LIKE', '10\\.0']]), ['10.0.0.1']);
  assert.deepEqual(hosts([['share', 'LIKE', '0\\.5']]), ['10.0.0.1']);
  assert.deepEqual(hosts([['ports', 'LIKE', '.*']]), []);
  assert.deepEqual(hosts([['ports', 'UNLIKE', 'x']]), []);
  assert.deepEqual(hosts([['level', 'UNLIKE', 'x']]), ['10.0.0.1']);
  assert.deepEqual(hosts([['rack', 'UNLIKE', 'r1']]), ['10.0.0.2']);
});

test('hostname is the agent\'s unless it has an attribute of that name', () => {
  assert.deepEqual(hosts([['hostname', 'EQUALS', '10.0.0.1']]), ['10.0.0.1']);
  assert.deepEqual(hosts([['hostname', 'EQUALS', '10.0.0.2']]), []);
  assert.deepEqual(hosts([['hostname', 'LIKE', 'alias-.*']]), ['10.0.0.2']);
});

test('operators Chronos does not know are dropped and noted; a bad regex or a missing value refuses the job', () => {
  const p = placeChronosJob({ constraints: [['rack', 'UNIQUE'], ['rack', 'GROUP_BY', '2'], ['rack', 5, 'r1']] }, [A, B]);
  assert.deepEqual([p.candidates.length, p.problems, p.undecided], [2, [], []]);
  assert.match(p.notes.join(), /Chronos drops the constraints \["rack","UNIQUE"\], \["rack","GROUP_BY","2"\], \["rack",5,"r1"\]/);
  const bad = placeChronosJob({ constraints: [['rack', 'LIKE', 'a{'], ['rack', 'EQUALS'], ['rack', 'LIKE', 'r[1']] }, [A, B]);
  assert.equal(bad.problems.length, 3, bad.problems.join('\n'));
  assert.match(bad.problems[0], /not a valid Java regular expression \(Illegal repetition.*Chronos refuses the job/);
  assert.match(bad.problems[2], /\(Unclosed character class at index 2\), so Chronos refuses the job/);
  // A pattern this tool cannot run as Java would (a possessive quantifier): no answer rather than a wrong one.
  const open = placeChronosJob({ constraints: [['rack', 'LIKE', 'r++']] }, [A]);
  assert.deepEqual([open.candidates.length, open.undecided.length], [0, 1]);
  // A value only Java 9+ compiles: Chronos's JVM decides, which no reference here names, so no agent is claimed either way.
  const newer = placeChronosJob({ constraints: [['rack', 'LIKE', 'r\\X']] }, [A]);
  assert.deepEqual([newer.candidates.length, newer.problems], [0, []]);
  assert.match(newer.undecided.join(), /Java 8 says "Illegal\/unsupported escape sequence near index 2" at "\\\\X" and Java 9\+ accepts it: whether Chronos takes the job depends on the JVM it runs on/);
});

test('only the master\'s region (Chronos is not region-aware); unknown master region with regions is undecided', () => {
  const eu = agent('10.0.1.1', {}, 'eu');
  const us = agent('10.0.1.2', {}, 'us');
  assert.deepEqual(hosts([], [eu, us, A], 'eu'), ['10.0.1.1', '10.0.0.1']);
  const unknown = placeChronosJob({}, [eu, us], { masterRegionUnknown: 'GET /master/state: refused' });
  assert.match(unknown.undecided.join(), /master's region is unknown .*refused/);
});

test('any constraints and attributes: never throws; a candidate is an agent with no reason against it', () => {
  const value = fc.oneof(fc.string(), fc.integer(), fc.double(), fc.constant(null), fc.constantFrom('EQUALS', 'LIKE', 'UNLIKE', '.*', '[', 'r1', '10.0'));
  const attr = fc.oneof(fc.string(), fc.double(), fc.constantFrom('[1-2]', '{a, b}', 'r1', 'hostname'));
  fc.assert(
    fc.property(fc.oneof(fc.array(fc.array(value, { maxLength: 4 }), { maxLength: 4 }), value), fc.dictionary(fc.constantFrom('rack', 'level', 'hostname', 'x'), attr), (constraints, attributes) => {
      const p = placeChronosJob({ constraints }, [agent('h', attributes)]);
      for (const a of p.agents) assert.equal(a.candidate, a.reasons.length === 0);
    }),
    { numRuns: 1000 },
  );
});
