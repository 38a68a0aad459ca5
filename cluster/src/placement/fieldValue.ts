/**
 * The string Marathon compares for a constraint field on an agent (`readerForField` in
 * `mesosphere/marathon:src/main/scala/mesosphere/mesos/Constraints.scala`, described in
 * ../shared/reference/mesos-master-api.md §5): hostname, `@region`, `@zone`, or the attribute rendered the way
 * Marathon renders a Mesos `Value` — not the way the master's JSON writes it.
 */
import { agentRegion, agentZone, type AttributeJson, type MesosAgent } from '../mesos/agent';

/** What placement needs of an agent (an agent from /master/slaves, or the agent a task was placed on). */
export type PlacementAgent = Pick<MesosAgent, 'hostname' | 'attributes' | 'domain'>;

/**
 * Java `new DecimalFormat("0.###").format(double)`: at most three decimals, half-even on the double's exact
 * value, no trailing zeros (`10.0`→`10`, `0.1234`→`0.123`, `1.0005`→`1`, `0.0625`→`0.062`).
 */
export function formatScalar(x: number): string {
  if (!Number.isFinite(x)) return x !== x ? 'NaN' : x > 0 ? '∞' : '-∞'; // DecimalFormat's symbols
  const abs = Math.abs(x);
  if (abs >= 1e21) return (x < 0 ? '-' : '') + BigInt(Math.round(abs)).toString();
  // toFixed rounds the exact binary value, ties away from zero. A tie at the fourth decimal needs the value to
  // be a multiple of 1/16 (2000 = 16·125), and then toFixed(4) is exact, so ties can be found and made even.
  let s: string;
  const four = abs.toFixed(4);
  if (Number.isInteger(abs * 16) && four.endsWith('5')) {
    const truncated = four.slice(0, -1);
    const lastDigit = Number(truncated[truncated.length - 1]);
    s = lastDigit % 2 === 0 ? truncated : abs.toFixed(3);
  } else s = abs.toFixed(3);
  s = s.replace(/\.?0+$/, '');
  return (x < 0 ? '-' : '') + s;
}

/**
 * Does formatScalar write what Marathon's JVM writes for `x`? DecimalFormat starts from Double.toString's digits
 * (java.text.DigitList.set) and pads them with zeros, formatScalar from the double's exact value; checked against a
 * JVM (OpenJDK 17, whose FloatingDecimal digits are Java 8's), the two texts agree for integers below 2^53 (their
 * digits are exact) and for any value below 2^42 (a double's spacing there is under 0.001, finer than the three
 * decimals kept), and can differ past that (2^60: Java `1152921504606846980`, exact `…976`). This tool does not port
 * Java 8's digit generation, so a constraint on such a value is undecided rather than compared on another text.
 */
export function isScalarTextKnown(x: number): boolean {
  const abs = Math.abs(x);
  return !Number.isFinite(x) || abs < 2 ** 42 || (Number.isInteger(x) && abs < 2 ** 53);
}

/** The agent's attribute `field` when it is a scalar whose text in Marathon this tool cannot know (isScalarTextKnown). */
export function unknownScalar(agent: PlacementAgent, field: string): number | undefined {
  const attrs = agent.attributes ?? {};
  const v = Object.prototype.hasOwnProperty.call(attrs, field) ? attrs[field] : undefined;
  return typeof v === 'number' && !isScalarTextKnown(v) ? v : undefined;
}

/** Ranges as Marathon prints them: `[b-e,b-e]` sorted by begin, no spaces. */
function formatRanges(json: string): string {
  const inner = json.slice(1, json.lastIndexOf(']') < 0 ? undefined : json.lastIndexOf(']'));
  const ranges = inner
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r !== '')
    .map((r) => {
      const [b, e] = r.split('-').map((n) => n.trim());
      return { b: Number(b), text: `${b}-${e ?? b}` };
    })
    .sort((p, q) => p.b - q.b);
  return `[${ranges.map((r) => r.text).join(',')}]`;
}

/** Sets as Marathon prints them: `{a,b}` items sorted, no spaces. */
function formatSet(json: string): string {
  const inner = json.slice(1, json.lastIndexOf('}') < 0 ? undefined : json.lastIndexOf('}'));
  const items = inner.split(',').map((i) => i.trim()).filter((i) => i !== '').sort();
  return `{${items.join(',')}}`;
}

/** A Mesos JSON attribute value → Marathon's string: number = scalar, `[` = ranges, `{` = set, else text. */
function attributeString(v: AttributeJson): string {
  if (typeof v === 'number') return formatScalar(v);
  if (v.startsWith('[')) return formatRanges(v);
  if (v.startsWith('{')) return formatSet(v);
  return v;
}

/** The agent's value for a constraint field, or undefined when the field is missing on that agent. */
export function fieldValue(agent: PlacementAgent, field: string): string | undefined {
  if (field === 'hostname' || field === '@hostname') return agent.hostname;
  if (field === '@region') return agentRegion(agent as MesosAgent);
  if (field === '@zone') return agentZone(agent as MesosAgent);
  const attrs = agent.attributes ?? {};
  if (!Object.prototype.hasOwnProperty.call(attrs, field)) return undefined;
  const v = attrs[field];
  return typeof v === 'number' || typeof v === 'string' ? attributeString(v) : undefined;
}
