/**
 * Marathon's constraint operators, evaluated for one agent against the instances already placed, exactly as
 * `mesosphere/marathon:src/main/scala/mesosphere/mesos/Constraints.scala@0513cddcac` does (summarised in
 * ../shared/reference/mesos-master-api.md §5). Pure: no I/O, never throws.
 */
import { scalaToInt } from '@marathon-devtools/language-server/model/scalaToInt';
import { fieldValue, formatScalar, isScalarTextKnown, unknownScalar, type PlacementAgent } from './fieldValue';
import { javaFullMatch } from './javaPattern';

const OPERATORS = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'] as const;
export type Operator = (typeof OPERATORS)[number];

export interface PlacementConstraint {
  field: string;
  operator: Operator;
  value?: string;
}

/** An instance of the same app: the agent it runs on, or undefined while it is not placed yet. */
export type PlacedInstance = PlacementAgent | undefined;

export interface ConstraintCheck {
  pass: boolean;
  /** Why, in Marathon's terms: "rack is r10, which does not match r[0-9]". */
  reason: string;
  /** This tool could not evaluate the constraint (a Java regex JavaScript cannot compile): `pass` is no answer. */
  undecided?: true;
}

/** `[field, OP, value?]` as text, the way users write it. */
export function constraintText(c: PlacementConstraint): string {
  return JSON.stringify(c.value === undefined ? [c.field, c.operator] : [c.field, c.operator, c.value]);
}

/**
 * The app's `constraints` → parsed constraints, plus a problem per entry that is not `[field, OPERATOR,
 * value?]` (Marathon would refuse the app; marathon-lint names the exact rule).
 */
export function parseConstraints(raw: unknown): { constraints: PlacementConstraint[]; problems: string[] } {
  const constraints: PlacementConstraint[] = [];
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { constraints, problems };
  if (!Array.isArray(raw)) return { constraints, problems: ['constraints is not an array of [field, OPERATOR, value?]'] };
  raw.forEach((c, i) => {
    const ok = Array.isArray(c) && (c.length === 2 || c.length === 3) && c.every((p) => typeof p === 'string') && c[0] !== '';
    if (!ok || !(OPERATORS as readonly string[]).includes(c[1])) {
      problems.push(`constraints/${i} ${JSON.stringify(c)} is not [field, OPERATOR, value?] with one of ${OPERATORS.join(', ')}; run marathon-lint for the exact rule`);
      return;
    }
    constraints.push({ field: c[0], operator: c[1] as Operator, ...(c.length === 3 ? { value: c[2] } : {}) });
  });
  return { constraints, problems };
}

/** `getIntValue`: "inf" is Int.MaxValue, an integer is itself, anything else the default. */
function intValue(v: string | undefined, fallback: number): number {
  if (v === 'inf') return 2 ** 31 - 1;
  // Scala's toInt is Integer.parseInt, which reads the decimal digits of every script ("٣", "３").
  const n = v === undefined ? undefined : scalaToInt(v);
  if (n !== undefined) return n;
  return fallback;
}

/** Counts per placed value; unplaced instances form one "no value" group (key undefined). */
function groups(placed: (string | undefined)[]): Map<string | undefined, number> {
  const m = new Map<string | undefined, number>();
  for (const v of placed) m.set(v, (m.get(v) ?? 0) + 1);
  return m;
}

/**
 * Could `text` be what DecimalFormat("0.###") writes for the double `x` (Constraints.scala's IS reformats a numeric
 * value so)? Java's digits are Double.toString's, which read back as `x`, padded with zeros and cut to three
 * decimals: any such text is a plain decimal within a few ulps plus 0.0005 of `x`. Anything else is decided unequal.
 */
function mayBeJavaText(text: string, x: number): boolean {
  return /^[0-9]+(\.[0-9]+)?$/.test(text) && Math.abs(Number(text) - x) <= Math.abs(x) * 2 ** -50 + 0.001;
}

/** Does `agent` pass `c`, given the instances of the app already placed? */
/** GROUP_BY's value: the number of values to spread over before a value gets a second instance (0 when none or not a number). */
export function groupByMinimum(c: PlacementConstraint): number {
  return Math.max(0, intValue(c.value, 0));
}

export function checkConstraint(c: PlacementConstraint, agent: PlacementAgent, placed: readonly PlacedInstance[] = []): ConstraintCheck {
  const o = fieldValue(agent, c.field);
  const v = c.value;
  const name = c.field === 'hostname' || c.field === '@hostname' ? 'hostname' : c.field;
  if (o === undefined) {
    // A missing field passes only UNLIKE, whatever its value.
    const what = c.field.startsWith('@') ? `the agent has no fault domain (${c.field})` : `the agent has no attribute "${c.field}"`;
    return c.operator === 'UNLIKE' ? { pass: true, reason: `${what}, so UNLIKE passes` } : { pass: false, reason: what };
  }
  // A scalar past what formatScalar writes as Marathon's JVM does: comparing another text would be a silent wrong
  // answer, here or on the agent of an instance already placed (UNIQUE, CLUSTER, GROUP_BY, MAX_PER count those).
  // Only UNIQUE, GROUP_BY, MAX_PER and a CLUSTER without a value read the placed instances' values; LIKE, UNLIKE, IS
  // and CLUSTER with a value read the offer's alone (Constraints.scala checkConstraint, checkCluster).
  const readsPlaced = c.operator === 'UNIQUE' || c.operator === 'GROUP_BY' || c.operator === 'MAX_PER' || (c.operator === 'CLUSTER' && (v === undefined || v === ''));
  const inexact = [agent, ...(readsPlaced ? placed : [])].map((a) => (a === undefined ? undefined : unknownScalar(a, c.field))).find((x) => x !== undefined);
  const wantInexact = c.operator === 'IS' && v !== undefined && /^[0-9]+(\.[0-9]+)?$/.test(v) && !isScalarTextKnown(Number(v)) && mayBeJavaText(o, Number(v));
  if (inexact !== undefined || wantInexact)
    return { pass: false, undecided: true, reason: `${wantInexact ? `the IS value ${v}` : `${name} is the scalar ${inexact}, which`} is too large for this tool to write as Marathon's Java does (DecimalFormat over Double.toString's digits, past 2^42 with decimals or 2^53 whole), so it cannot tell what Marathon compares` };
  const placedValues = placed.map((p) => (p === undefined ? undefined : fieldValue(p, c.field)));
  const is = `${name} is ${JSON.stringify(o)}`;
  switch (c.operator) {
    case 'UNIQUE': {
      const taken = placedValues.includes(o);
      return { pass: !taken, reason: taken ? `an instance of the app already runs where ${is}` : `no instance runs where ${is}` };
    }
    case 'CLUSTER': {
      if (v !== undefined && v !== '') return { pass: o === v, reason: o === v ? is : `${is}, not ${JSON.stringify(v)}` };
      if (placedValues.length === 0) return { pass: true, reason: `nothing placed yet, so any ${name} starts the cluster` };
      const first = placedValues[0];
      return { pass: first === o, reason: first === o ? `${is}, like the first instance` : `${is}; the first instance pinned ${name} to ${first === undefined ? 'no value' : JSON.stringify(first)}` };
    }
    case 'GROUP_BY': {
      const minimum = groupByMinimum(c);
      const counts = groups(placedValues);
      const mine = counts.get(o);
      if (mine === undefined) return { pass: true, reason: `no instance is in the ${name} ${JSON.stringify(o)} group yet` };
      const smallest = Math.min(...counts.values());
      const pass = counts.size >= minimum && mine === smallest;
      return { pass, reason: pass ? `the ${JSON.stringify(o)} group is one of the smallest` : counts.size < minimum ? `only ${counts.size} of at least ${minimum} ${name} groups are used and ${JSON.stringify(o)} already has instances` : `the ${JSON.stringify(o)} group has ${mine} instances, more than the smallest (${smallest})` };
    }
    case 'MAX_PER': {
      // checkMaxPer: `find(group of o).forall(_ < max)`, so with no instance there yet even MAX_PER 0 passes.
      const max = intValue(v, 0);
      const n = groups(placedValues).get(o) ?? 0;
      return { pass: n === 0 || n < max, reason: `${n} instance(s) already where ${is}; MAX_PER allows ${max}${n === 0 && max < 1 ? ', and Marathon still places the first one' : ''}` };
    }
    case 'LIKE':
    case 'UNLIKE': {
      if (v === undefined || v === '') return { pass: false, reason: `${c.operator} without a regular expression never passes` };
      const r = javaFullMatch(v, o);
      if ('unsupported' in r) return { pass: false, undecided: true, reason: `"${v}" is not a regular expression this tool can evaluate: ${r.unsupported}` };
      // Marathon's validation compiles the value with java.util.regex and refuses the app (marathon-rules.md §4.5).
      if ('refused' in r) return { pass: false, reason: `Marathon refuses the app: ${JSON.stringify(v)} is not a valid regular expression (${r.refused})` };
      // Marathon runs on Java 8 (its packages install OpenJDK 8, DC/OS ships a Java 8 JRE): what only Java 9+
      // compiles is refused there, as constraint-like-regex-java9 warns, and the app lands on no agent.
      if ('java8Refuses' in r) {
        const { java8Says, construct } = r.java8Refuses;
        return { pass: false, reason: `Marathon on Java 8 refuses the app: java.util.regex of Java 8 says ${JSON.stringify(java8Says)} at ${JSON.stringify(construct)}; Java 9+ accepts it` };
      }
      const m = r.match;
      const pass = c.operator === 'LIKE' ? m : !m;
      return { pass, reason: `${is}, which ${m ? 'matches' : 'does not match'} ${v}` };
    }
    case 'IS': {
      const want = v !== undefined && /^[0-9]+(\.[0-9]+)?$/.test(v) ? formatScalar(Number(v)) : (v ?? '');
      return { pass: o === want, reason: o === want ? is : `${is}, not ${JSON.stringify(want)}` };
    }
  }
}
