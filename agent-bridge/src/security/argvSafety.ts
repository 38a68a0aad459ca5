/**
 * Refuses driver names, volume names and options that could inject into dvdcli's argv or into the
 * mesos-module-dvdi shell string (`sh -c "<dvdcli> mount --volumedriver=D --volumename=N --volumeopts=k=v"`).
 *
 * Decision: such input is answered with a JSON-RPC invalid-params error (-32602) naming the field, not with the
 * verdict "refused". A verdict is a statement about a volume on this agent (in use, not allowed for you, would be
 * created); these strings cannot name a volume any agent could mount (the module's own character check rejects
 * them, dvdcli would misparse them), so the request itself is malformed and never reaches the runner. The runner
 * checks again (defence in depth).
 *
 * The character sets follow the reference (dvdi-bridge.md §1.2, §3.4): the module's prohibited characters,
 * plus what a POSIX shell would expand inside a word (`*`, `(`, `)`, `!`, `~`, `#`), plus anything that
 * reshapes dvdcli's parsing: a leading `-` (a flag), `,` in options (pflag splits on it), a second `=` in an
 * option (dvdcli truncates the value there), an option without `=` (dvdcli panics, exit 2).
 */

/** Shell metacharacters, quotes, globbing and whitespace: refused everywhere. */
const SHELL = /[;&|`$<>'"\\*?()[\]{}!~#^%\s]/;
const CONTROL = /[\u0000-\u001f\u007f]/;
const NON_ASCII = /[^\u0020-\u007e]/;
const MAX = 255;

function common(value: string, what: string): string | undefined {
  if (value.length === 0) return `${what} is empty`;
  if (value.length > MAX) return `${what} is ${value.length} characters; the limit is ${MAX}`;
  if (CONTROL.test(value)) return `${what} contains a control character (NUL, newline, tab…), which would end or split the argument`;
  if (NON_ASCII.test(value)) return `${what} contains a non-ASCII character; dvdcli and the module only handle printable ASCII here`;
  if (value.startsWith('-')) return `${what} starts with '-', so dvdcli would read it as a flag (e.g. "--volumedriver=x")`;
  const m = SHELL.exec(value);
  if (m) return `${what} contains ${JSON.stringify(m[0])}, which a shell would interpret (the dvdi-module engine runs dvdcli through sh -c)`;
  return undefined;
}

/** Driver names are plugin socket names (`/run/docker/plugins/<driver>.sock`): no path separators. */
export function checkDriver(driver: string): string | undefined {
  const c = common(driver, 'driver');
  if (c) return c;
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(driver)) {
    return 'driver may only contain letters, digits, "_", "." and "-" (it names a plugin socket file; "/" or ":" would reach outside the plugin directory)';
  }
  return undefined;
}

/** Volume names: Marathon 1.10 accepts any non-empty string (Portworx uses "name=v,size=10"), so only unsafe characters go. */
export function checkVolumeName(name: string): string | undefined {
  const c = common(name, 'name');
  if (c) return c;
  if (/[/:]/.test(name)) return 'name contains "/" or ":", which the agent refuses (mesos-module-dvdi prohibits them) and which plugins use as a path';
  return undefined;
}

export function checkOptionKey(key: string): string | undefined {
  const c = common(key, 'option key');
  if (c) return c;
  if (/[=,/:]/.test(key)) return 'option key contains "=", ",", "/" or ":"; dvdcli splits options on "," and "=", so the key would be cut';
  return undefined;
}

/** Values may be empty (`size=`) and may hold "/" or ":" (rclone `path=/x`; only the module engine refuses those). */
export function checkOptionValue(value: string): string | undefined {
  if (value === '') return undefined;
  const c = common(value, 'option value');
  if (c && !c.startsWith("option value starts with '-'")) return c; // "-1" is harmless inside "--volumeopts=k=-1"
  if (value.includes(',')) return 'option value contains ",", which dvdcli splits into a separate option (so "a,b=c" would inject option "b")';
  if (value.includes('=')) return 'option value contains "=", where dvdcli truncates the value (label=a=b sends "a")';
  return undefined;
}

/** containerPath is never passed to dvdcli, but the module binds it: it must be absolute and printable. */
export function checkContainerPath(path: string): string | undefined {
  if (!path.startsWith('/')) return 'containerPath must start with "/" (the agent refuses relative container paths)';
  if (path.length > 4096) return 'containerPath is longer than 4096 characters';
  if (CONTROL.test(path)) return 'containerPath contains a control character (NUL, newline…)';
  if (path.split('/').includes('..')) return 'containerPath contains "..", which would escape the container root';
  return undefined;
}
