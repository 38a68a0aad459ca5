/**
 * Character classes behind the request rules (validation/request.ts), each tied to the program that would
 * misread it: the kernel/argv (control characters end or split an argument), dvdcli (a leading "-" is a flag),
 * mesos-module-dvdi (its prohibited set, dvdi-bridge.md §1.2) and `sh -c` (what a POSIX shell still expands
 * among the characters the module lets through).
 */

/** NUL, line breaks, tabs and the rest of C0 plus DEL: they end or split an argument in every engine. */
export const CONTROL = /[\u0000-\u001f\u007f]/;

/** mesos-module-dvdi's prohibited characters for DVDI_VOLUME_NAME / DRIVER / OPTS / EXPLICITCREATE (dvdi-bridge.md §1.2). */
const MODULE_PROHIBITED = new Set(['%', '/', ':', ';', '\0', '<', '>', '|', '`', '$', "'", '?', '^', '&', ' ', '{', '"', '}', '[', ']', '\n', '\t', '\v', '\b', '\r', '\\']);

/**
 * What `sh -c` still interprets among the characters the module allows: globbing, subshells, comments, tilde
 * and history expansion. The module would hand these to the shell unchecked, so the bridge never runs them.
 */
const SHELL_AFTER_MODULE = new Set(['*', '(', ')', '!', '~', '#']);

/** Every character a POSIX shell treats specially inside an unquoted word, plus whitespace. */
const SHELL = /[;&|`$<>'"\\*?()[\]{}!~#^%\s]/;

/**
 * An unpaired UTF-16 surrogate, shown as \uXXXX. It cannot be encoded in UTF-8, so argv, the shell string and
 * the JSON body would all carry U+FFFD instead: the program would run on another string than the one checked.
 */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function loneSurrogate(value: string): string | undefined {
  const m = LONE_SURROGATE.exec(value);
  return m ? `\\u${m[0].charCodeAt(0).toString(16).toUpperCase()}` : undefined;
}

export function firstModuleProhibited(value: string): string | undefined {
  for (const ch of value) if (MODULE_PROHIBITED.has(ch)) return ch;
  return undefined;
}

export function firstShellAfterModule(value: string): string | undefined {
  for (const ch of value) if (SHELL_AFTER_MODULE.has(ch)) return ch;
  return undefined;
}

export function firstShellSpecial(value: string): string | undefined {
  return SHELL.exec(value)?.[0];
}

const NAMES: Record<string, string> = { '\0': 'NUL', '\n': 'a newline', '\r': 'a carriage return', '\t': 'a tab', '\v': 'a vertical tab', '\b': 'a backspace', ' ': 'a space' };

/** A character as a message shows it: names for invisible ones, JSON quoting for the rest. */
export function showChar(ch: string): string {
  return NAMES[ch] ?? JSON.stringify(ch);
}
