/**
 * A small, strict command-line parser: `--flag value`, `--flag=value`, repeatable list flags and boolean
 * switches. Unknown flags and missing values are errors that name the flag, because a typo in a security
 * option (say `--tls-client-cas`) must stop the service rather than run it without the check.
 */
export type FlagKind = 'string' | 'list' | 'bool';
export type FlagSpec = Record<string, FlagKind>;
export type ParsedFlags = { strings: Map<string, string>; lists: Map<string, string[]>; bools: Set<string> };

export class UsageError extends Error {}

export function parseFlags(argv: string[], spec: FlagSpec, command: string): ParsedFlags {
  const out: ParsedFlags = { strings: new Map(), lists: new Map(), bools: new Set() };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) throw new UsageError(`${command}: unexpected argument "${arg}"; options start with "--" (see --help)`);
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
    const kind = spec[name];
    if (!kind) {
      const known = Object.keys(spec).map((k) => `--${k}`).join(', ');
      throw new UsageError(`${command}: unknown option --${name}; known options: ${known}`);
    }
    if (kind === 'bool') {
      if (eq > 0) throw new UsageError(`${command}: --${name} is a switch and takes no value`);
      out.bools.add(name);
      continue;
    }
    let value: string;
    if (eq > 0) value = arg.slice(eq + 1);
    else {
      if (i + 1 >= argv.length || argv[i + 1].startsWith('--')) throw new UsageError(`${command}: --${name} needs a value`);
      value = argv[++i];
    }
    // `--tls-client-ca "$CA"` with CA unset must not read as "no client certificates", nor `--state-dir ""` as the
    // working directory: no flag takes an empty value on purpose.
    if (value === '') throw new UsageError(`${command}: --${name} is empty; give a value (an unset shell variable?)`);
    if (kind === 'string') {
      if (out.strings.has(name)) throw new UsageError(`${command}: --${name} was given twice; give it once`);
      out.strings.set(name, value);
    } else {
      const list = out.lists.get(name) ?? [];
      list.push(value);
      // "--allow-origin A B C": list flags also take the plain words that follow them.
      while (i + 1 < argv.length && !argv[i + 1].startsWith('--')) list.push(argv[++i]);
      out.lists.set(name, list);
    }
  }
  return out;
}

/** HOST:PORT, [IPv6]:PORT or :PORT (all interfaces). Port 0 asks the OS for a free port. */
export function parseListen(value: string): { host: string; port: number } {
  const m = /^(?:\[([0-9A-Fa-f:.]+)\]|([^:\s]*)):(\d{1,5})$/.exec(value);
  const port = m ? Number(m[3]) : NaN;
  if (!m || port > 65535) throw new UsageError(`--listen ${JSON.stringify(value)} is not HOST:PORT (e.g. 127.0.0.1:8474, 0.0.0.0:8474 or [::1]:8474)`);
  return { host: m[1] ?? (m[2] || '0.0.0.0'), port };
}
