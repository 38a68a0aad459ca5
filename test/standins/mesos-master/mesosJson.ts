// Part of the Mesos master stand-in (../shared/reference/mesos-master-api.md §2, §3): JSON as Mesos writes it.
/**
 * rapidjson writes resource amounts, scalar attributes and times as doubles, so whole values read `4.0`; ints
 * (`port`, counts) stay ints. JSON.stringify would write `4`, which a client must accept too, but the stand-in
 * should show the real form.
 */
/**
 * An object written with its keys as given, repeats included: an agent started with the same attribute name twice
 * (`--attributes='rack:r1;rack:r2'`), which Mesos writes as a repeated key (mesos-master-api.md §3).
 */
export class MesosRepeatedKeys {
  constructor(readonly entries: readonly [string, unknown][]) {}
}

const INT_KEYS = new Set(['port', 'activated_slaves', 'deactivated_slaves', 'unreachable_slaves']);

function write(v: unknown, key: string | undefined, out: string[]): void {
  if (typeof v === 'number') {
    out.push(Number.isInteger(v) && !(key !== undefined && INT_KEYS.has(key)) ? v.toFixed(1) : JSON.stringify(v));
  } else if (v instanceof MesosRepeatedKeys) {
    out.push('{');
    v.entries.forEach(([k, x], i) => {
      if (i) out.push(',');
      out.push(JSON.stringify(k), ':');
      write(x, k, out);
    });
    out.push('}');
  } else if (Array.isArray(v)) {
    out.push('[');
    v.forEach((x, i) => {
      if (i) out.push(',');
      write(x, undefined, out);
    });
    out.push(']');
  } else if (v !== null && typeof v === 'object') {
    out.push('{');
    let first = true;
    for (const [k, x] of Object.entries(v)) {
      if (x === undefined) continue;
      if (!first) out.push(',');
      first = false;
      out.push(JSON.stringify(k), ':');
      write(x, k, out);
    }
    out.push('}');
  } else out.push(JSON.stringify(v));
}

export function writeMesosJson(v: unknown): string {
  const out: string[] = [];
  write(v, undefined, out);
  return out.join('');
}
