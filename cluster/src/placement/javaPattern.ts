/**
 * Java's `String.matches(regex)` (java.util.regex.Pattern, what Marathon's LIKE and UNLIKE use) with JavaScript's
 * RegExp, where the two read a pattern alike. Without the `u` flag JavaScript compiles much Java-only syntax to
 * something else without a word (`\p{Lower}` is "p{Lower}", `\Q…\E` is "Q…E", `[a-z&&[^x]]` is a class then "]");
 * such a pattern gets no answer here rather than a wrong one. Pure, never throws.
 */

import { withJava8Counts } from '@marathon-devtools/language-server/model/app/java8Counts';
import { javaRegexVerdict, type Java9OnlyConstruct } from '@marathon-devtools/language-server/model/app/javaRegexJava9Only';
import { javaRegexRefusal } from '@marathon-devtools/language-server/model/app/javaRegexRefusal';

/**
 * `refused`: java.util.regex refuses the pattern (why, as Java says it), so Marathon refuses the app. `java8Refuses`:
 * Java 8's Pattern refuses it and Java 9+'s compiles it (`\N{…}`, `\X`, `\b{g}`, a look-behind only JDK 9+ bounds:
 * constraint-like-regex-java9), so a JVM of Java 8, which Marathon runs on, refuses it.
 */
export type JavaMatch = { match: boolean } | { unsupported: string } | { refused: string } | { java8Refuses: Java9OnlyConstruct };

/** Letters after a backslash that mean the same in both engines (`\x`, `\u`, `\c`, `\k` are checked apart). */
const SAME_ESCAPES = new Set([...'dDsSwWbBtnrf']);

/**
 * The first construct of `pattern` that JavaScript (no `u` flag) reads differently from Java, said for a
 * message, else how deep its groups nest. Constructs JavaScript refuses outright (possessive `a++`, atomic `(?>…)`,
 * flags past the start) need no check here: RegExp throws on them.
 */
function javaOnlySyntax(pattern: string): string | number {
  let inClass = false;
  let depth = 0;
  let deepest = 0;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '\\') {
      const next = pattern[i + 1];
      const escape = `\\${next ?? ''}`;
      if (next === undefined) return deepest; // a trailing backslash: RegExp refuses it
      if (next === '0') return `${escape} (an octal escape in Java)`;
      // Java's BackRef fails where the group has not matched; JavaScript matches the empty string there (a group not
      // taken, or later in the pattern) and reads a number past the groups as an octal escape or the digit itself.
      if (/[1-9]/.test(next) || (next === 'k' && pattern[i + 2] === '<')) return `${escape} (a back reference, which fails in Java where its group has not matched)`;
      if (next === 'x' && pattern[i + 2] === '{') return '\\x{…} (a code point in Java)';
      if (next === 'c' && !/[a-zA-Z]/.test(pattern[i + 2] ?? '')) return `${escape}${pattern[i + 2] ?? ''} (a control character in Java)`;
      if (/[a-zA-Z]/.test(next) && !SAME_ESCAPES.has(next) && !'xuck'.includes(next)) return `${escape} (${next === 'Q' || next === 'E' ? 'quoting' : 'a class or anchor'} in Java)`;
      i++;
      continue;
    }
    if (inClass) {
      if (ch === '[') return 'a class inside a class (a union in Java)';
      if (ch === '&' && pattern[i + 1] === '&') return '&& inside a class (an intersection in Java)';
      if (ch === ']') inClass = false;
    } else if (ch === '[') {
      inClass = true;
      const first = pattern[i + 1] === '^' ? i + 2 : i + 1;
      // Java takes a `]` right after `[` or `[^` as a member; JavaScript ends the class there (`[]` matches nothing).
      if (pattern[first] === ']') return `${pattern.slice(i, first + 1)} (Java reads that ] as a member of the class)`;
      i = first - 1;
    } else if (ch === '(') deepest = Math.max(deepest, ++depth);
    else if (ch === ')') depth--;
  }
  return deepest;
}

/**
 * Java's leading embedded flags (`(?i)rack-a` matches "RACK-A"), which JavaScript does not parse, as RegExp flags.
 * `d` (Unix lines) and `u` (Unicode case) change nothing for hostnames and attribute values, which hold no line
 * breaks and only ASCII (mesos-master-api.md §3); `x` and flags further in are left to RegExp, which refuses them.
 */
function javaFlags(pattern: string): { source: string; flags: string } {
  const m = /^\(\?([imsdu]+)\)/.exec(pattern);
  if (!m) return { source: pattern, flags: '' };
  return { source: pattern.slice(m[0].length), flags: [...new Set(m[1].replace(/[du]/g, ''))].join('') };
}

/**
 * Groups nested deeper than this are not matched here: JavaScript's engine ran out of memory compiling 10,000 nested
 * `(a|` (a crash of the whole process: the gate, the language server), threw RangeError at 20,000 nested groups and
 * crashed at 100,000 nested look-behinds, while Java's own limit is its thread's stack.
 */
const MAX_NESTING = 1000;

type Compiled = RegExp | string | { refused: string } | { java8Refuses: Java9OnlyConstruct };

/** Compiled patterns (a string: why not; an object: why Java refuses it); one app's few patterns meet thousands of agents. */
const compiled = new Map<string, Compiled>();

function compile(pattern: string): Compiled {
  // What Java refuses, JavaScript may read as text (`r{1`, `\\k`): no answer of RegExp's counts then.
  const { error, java9 } = javaRegexVerdict(pattern);
  const refused = error === undefined ? undefined : javaRegexRefusal(pattern);
  if (refused !== undefined) return { refused };
  // What only Java 9+ compiles JavaScript reads as something else (`\\X` is "X") or as Java 9+ does (a look-behind).
  if (java9) return { java8Refuses: java9 };
  const { source, flags } = javaFlags(pattern);
  const depth = javaOnlySyntax(source);
  if (typeof depth === 'string') return `it uses Java-only syntax: ${depth}`;
  if (depth > MAX_NESTING) return `it nests groups ${depth} deep: Java compiles that or answers "Stack overflow during pattern compilation" as the stack of the JVM's thread allows (about 2,000 nested groups on a 1 MB stack), which no document says`;
  try {
    // A count past 2147483647 as Java 8, Marathon's JVM, reads it: wrapped (`a{4294967297}` is `a{1}`).
    return new RegExp(`^(?:${withJava8Counts(source)})$`, flags);
  } catch {
    return 'it uses Java-only syntax (possessive or atomic groups, embedded flags past the start) or is not a regular expression';
  }
}

/** Does `s` match `pattern` as a whole, as Java's `String.matches` does? */
export function javaFullMatch(pattern: string, s: string): JavaMatch {
  let re = compiled.get(pattern);
  if (re === undefined) {
    re = compile(pattern);
    if (compiled.size > 1000) compiled.clear();
    compiled.set(pattern, re);
  }
  if (typeof re === 'string') return { unsupported: re };
  if (!(re instanceof RegExp)) return re;
  try {
    return { match: re.test(s) };
  } catch (e) {
    // The engine compiles for the first match and can fail there (its own stack, its size limit). Its message
    // repeats the whole pattern before the reason ("Invalid regular expression: /^(?:…)$/: Stack overflow").
    const message = (e as Error).message;
    const reason = /\/[a-z]*: ([^/]*)$/.exec(message)?.[1] ?? message;
    return { unsupported: `JavaScript's engine cannot run it (${reason.slice(0, 80)})` };
  }
}
