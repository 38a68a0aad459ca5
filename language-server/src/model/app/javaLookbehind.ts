/**
 * Whether java.util.regex finds "an obvious maximum length" for a look-behind: Pattern.group0 builds the body's
 * nodes, runs `study(TreeInfo)` over them and refuses the pattern when `maxValid` comes out false. The answer
 * follows Java's node graph, not the language: a back reference, or a repeated group Java compiles to a Loop
 * (one whose body is not deterministic: an alternation, `?`, a range count), has no bound; a repetition is
 * bounded when `maxLength * cmax + maxLength before it` does not overflow an int, which `a*` at the start
 * passes and `aa*` does not; an alternation measures what follows it from zero (Branch.study), so
 * `a(?:b|c)d*` passes where `abd*` does not. Java 9 changed the nodes: a greedy `*`, `+` or `{n,}` on one
 * character is a CharPropertyGreedy, which adds Integer.MAX_VALUE unchecked (so `aa*` passes), `{0,1}` is a
 * `?`, `\X` adds nothing to the maximum, and under `(?c)` a class or `\p{…}` is an NFCCharProperty, which
 * does not either. Java 8 (OpenJDK 8 Pattern.java: closure, group0, Curly, GroupCurly, Branch, Loop) has
 * none of these. JDK 17 is held to it on random patterns (javaRegexParity.test.ts). Int arithmetic wraps as
 * Java's does. Pure; it reads a body javaRegexRefusal.ts's walk has found well formed, and errs towards
 * "bounded" on anything it does not follow.
 */

import { java8Range, pastIntMax } from './java8Counts';
import { escapeLength } from './javaEscape';

const MAX_REPS = 0x7fffffff;
/** Groups nested in a look-behind that this measure follows; Java's own limit is its thread's stack (javaRegexDeep.test.ts). */
const MAX_NESTING = 500;

/** TreeInfo less minLength, which no refusal depends on. */
type Info = { max: number; valid: boolean; det: boolean };

/**
 * Java's nodes as study() sees them; `next: null` is Pattern.accept. `char`: a CharProperty (`single`) or a Slice
 * of `length`; `pass`: what adds nothing (group heads and tails, anchors, look-arounds); `noMax`: XGrapheme and
 * NFCCharProperty; `loop`: Prolog and Loop.
 */
type JNode =
  | { kind: 'pass' | 'lineEnding' | 'noMax' | 'backRef' | 'loop' | 'branchConn'; next: JNode | null }
  | { kind: 'char'; length: number; single: boolean; next: JNode | null }
  | { kind: 'ques'; atom: JNode; independent: boolean; type: Qtype; next: JNode | null }
  | { kind: 'curly'; atom: JNode; cmin: number; cmax: number; type: Qtype; next: JNode | null }
  | { kind: 'greedyChar'; next: JNode | null }
  | { kind: 'branch'; atoms: (JNode | null)[]; conn: JNode; next: JNode | null };

type Qtype = 'greedy' | 'lazy' | 'possessive';

const fresh = (): Info => ({ max: 0, valid: true, det: true });
const reset = (info: Info) => {
  info.max = 0;
  info.valid = true;
  info.det = true;
};

/** Node.study and its overrides, as both JDKs write them; the answer is what study() returns. */
function study(start: JNode | null, info: Info): boolean {
  for (let n = start; n !== null; n = n.next) {
    switch (n.kind) {
      case 'char':
        info.max = (info.max + n.length) | 0;
        break;
      case 'lineEnding':
        info.max = (info.max + 2) | 0;
        break;
      case 'noMax':
        info.det = false;
        break;
      case 'backRef':
        info.valid = false;
        break;
      case 'greedyChar':
        if (info.valid) info.max = (info.max + MAX_REPS) | 0;
        info.det = false;
        break;
      case 'ques':
        study(n.atom, info);
        if (!n.independent) info.det = false;
        break;
      case 'curly': {
        const maxL = info.max;
        const maxV = info.valid;
        const detm = info.det;
        reset(info);
        study(n.atom, info);
        if (maxV && info.valid) {
          info.max = (Math.imul(info.max, n.cmax) + maxL) | 0;
          if (info.max < maxL) info.valid = false;
        } else info.valid = false;
        info.det = info.det && n.cmin === n.cmax ? detm : false;
        break;
      }
      case 'loop':
        info.valid = false;
        info.det = false;
        return false;
      case 'branchConn':
        return info.det;
      case 'branch': {
        let maxV = info.valid;
        let maxL2 = -1;
        const before = info.max;
        for (const atom of n.atoms) {
          reset(info);
          if (atom) study(atom, info);
          maxL2 = Math.max(maxL2, info.max);
          maxV = maxV && info.valid;
        }
        const maxL = (before + maxL2) | 0;
        reset(info);
        study(n.conn.next, info);
        info.max = (info.max + maxL) | 0;
        info.valid = info.valid && maxV;
        info.det = false;
        return false;
      }
    }
  }
  return info.det;
}

const pass = (next: JNode | null = null): JNode => ({ kind: 'pass', next });
const char = (length: number, single: boolean): JNode => ({ kind: 'char', length, single, next: null });

/** Pattern's expr, sequence, group0 and closure over `p` from `i` up to `to`, building the nodes study() reads. */
class Builder {
  /** Java's double return: the tail of what group0 or sequence returned. */
  private root: JNode | null = null;
  /** Groups open around where the builder stands. */
  private depth = 0;

  constructor(
    private readonly p: string,
    private i: number,
    private readonly to: number,
    private readonly java8: boolean,
    private canonEq: boolean,
    private readonly closes: ReadonlyMap<number, number>,
  ) {}

  expr(end: JNode): JNode | null {
    let prev: JNode | null = null;
    let firstTail: JNode | null = null;
    let branch: (JNode & { kind: 'branch' }) | null = null;
    let conn: JNode | null = null;
    for (;;) {
      let node: JNode | null = this.sequence(end);
      const nodeTail = this.root;
      if (prev === null) {
        prev = node;
        firstTail = nodeTail;
      } else {
        conn ??= { kind: 'branchConn', next: end };
        if (node === end) node = null;
        else if (nodeTail) nodeTail.next = conn;
        if (branch !== null && prev === branch) branch.atoms.push(node);
        else {
          if (prev === end) prev = null;
          else if (firstTail) firstTail.next = conn;
          prev = branch = { kind: 'branch', atoms: [prev, node], conn, next: null };
        }
      }
      if (this.i >= this.to || this.p[this.i] !== '|') return prev;
      this.i++;
    }
  }

  private sequence(end: JNode): JNode {
    let head: JNode | null = null;
    let tail: JNode | null = null;
    for (;;) {
      const ch = this.i < this.to ? this.p[this.i] : undefined;
      if (ch === undefined || ch === '|' || ch === ')') break;
      const start = this.i;
      // A group handles its own closure; flags alone give no node.
      const node = ch === '(' ? this.group0() : this.closure(this.atom());
      if (this.i === start) throw new Error('no progress: not a body Java reads');
      if (node === null) continue;
      if (head === null) head = node;
      else if (tail) tail.next = node;
      // Java's double return: after a group, its tail is in root.
      tail = ch === '(' ? this.root : node;
    }
    if (head === null) return end;
    if (tail) tail.next = end;
    this.root = tail;
    return head;
  }

  /** One item that is not a group: a class, an escape, an anchor, `.`, a character, or (a `{` first) an empty Slice. */
  private atom(): JNode {
    const { p } = this;
    const ch = p[this.i];
    // Under (?c) JDK 9+ reads a class or \p{…} as an NFCCharProperty (Pattern.sequence, atom).
    const property = () => (this.canonEq && !this.java8 ? { kind: 'noMax' as const, next: null } : char(1, true));
    if (ch === '{') return char(0, false);
    if (ch === '[') {
      this.i = classEnd(p, this.i);
      return property();
    }
    if (ch === '^' || ch === '$') {
      this.i++;
      return pass();
    }
    if (ch !== '\\') {
      this.i += (p.codePointAt(this.i) as number) > 0xffff ? 2 : 1;
      return char(1, true);
    }
    const letter = p[this.i + 1];
    const length = escapeLength(p, this.i);
    this.i += length + (length === 2 && (p.codePointAt(this.i + 1) as number) > 0xffff ? 1 : 0);
    // Java 8 refuses `\N`, `\X` and `\b{g}` outright (javaRegexRefusal's walk says so first in its own mode); here
    // they leave no bound, so that a look-behind only JDK 9+ cannot bound is still one Java 8 refuses as well.
    if (/[1-9k]/.test(letter) || (this.java8 && (letter === 'N' || letter === 'X' || (letter === 'b' && length === 5)))) return { kind: 'backRef', next: null };
    if (/[AGzZbB]/.test(letter)) return pass();
    if (letter === 'R') return { kind: 'lineEnding', next: null };
    if (letter === 'X') return { kind: 'noMax', next: null };
    return letter === 'p' || letter === 'P' ? property() : char(1, true);
  }

  /** Pattern.closure (JDK 9+ curly() too): a quantifier after `prev`, or `prev` itself. */
  private closure(prev: JNode): JNode {
    const { p } = this;
    const ch = this.i < this.to ? p[this.i] : undefined;
    let cmin: number;
    let cmax: number;
    let unbounded = ch === '*' || ch === '+'; // `{n,}` too: what JDK 9+ hands curly()
    if (ch === '?' || unbounded) {
      this.i++;
      [cmin, cmax] = ch === '?' ? [0, 1] : [ch === '*' ? 0 : 1, MAX_REPS];
    } else if (ch === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(p.slice(this.i, this.to));
      if (!m) return prev;
      this.i += m[0].length;
      // A count past Integer.MAX_VALUE: Java 8 reads it wrapped (java8Counts.ts); JDK 9+ refuses the pattern, which
      // bounds nothing there.
      const range = java8Range(m[1], m[2] === undefined ? undefined : m[3]);
      if (!range || (!this.java8 && (pastIntMax(m[1]) || pastIntMax(m[3] ?? '')))) return { kind: 'backRef', next: null };
      unbounded = m[3] === '';
      ({ cmin, cmax } = range);
    } else return prev;
    const type: Qtype = p[this.i] === '?' ? 'lazy' : p[this.i] === '+' ? 'possessive' : 'greedy';
    if (type !== 'greedy') this.i++;
    // Java 8 reads only `?` as a Ques and every count as a Curly; JDK 9+ a {0,1} as a Ques too, and a greedy
    // `*`, `+` or `{n,}` of one character as a CharPropertyGreedy.
    if (cmin === 0 && cmax === 1 && (ch === '?' || !this.java8)) return { kind: 'ques', atom: prev, independent: false, type, next: null };
    if (!this.java8 && unbounded && type === 'greedy' && prev.kind === 'char' && prev.single) return { kind: 'greedyChar', next: null };
    return { kind: 'curly', atom: prev, cmin, cmax, type, next: null };
  }

  /** Pattern.group0: the group at `i` (`(`), its closure included; null for flags alone. */
  private group0(): JNode | null {
    const { p } = this;
    const open = this.i;
    const saved = this.canonEq;
    let kind: 'group' | 'look' | 'independent' = 'group';
    if (p[this.i + 1] !== '?') this.i += 1;
    else {
      const k = p[this.i + 2];
      if (k === ':' || k === '>' || k === '=' || k === '!') {
        kind = k === ':' ? 'group' : k === '>' ? 'independent' : 'look';
        this.i += 3;
      } else if (k === '<' && (p[this.i + 3] === '=' || p[this.i + 3] === '!')) {
        kind = 'look';
        this.i += 4;
      } else if (k === '<') {
        const close = p.indexOf('>', this.i);
        if (close < 0) throw new Error('not a group Java reads');
        this.i = close + 1;
      } else {
        const flags = /^\(\?([idmsuxcU]*)(?:-([idmsuxcU]*))?([):])/.exec(p.slice(this.i));
        if (!flags) throw new Error('not a group Java reads');
        if (flags[1].includes('c')) this.canonEq = true;
        if (flags[2]?.includes('c')) this.canonEq = false;
        this.i += flags[0].length;
        if (flags[3] === ')') return null; // flags stay on to the end of the enclosing group
      }
    }
    const tail = pass();
    // A look-around's body adds nothing (Pos, Neg, Behind and NotBehind keep Node.study), and one the walk has closed
    // was judged there: it is stepped over, not read again for each look-behind around it.
    const closed = kind === 'look' ? this.closes.get(open) : undefined;
    if (closed !== undefined) this.i = closed;
    // Deeper than MAX_NESTING is not followed (the answer is "bounded"): the recursion stays far from JavaScript's
    // stack, which 3,000 nested groups overflowed, however deep the caller's own stack is.
    if (++this.depth > MAX_NESTING) throw new Error('nested deeper than this measure follows');
    let head: JNode = pass(closed === undefined ? this.expr(tail) : tail);
    this.depth--;
    if (p[this.i] === ')') this.i++;
    this.canonEq = saved;
    let last: JNode = tail;
    // A look-around or an independent group is one node (head == tail in group0): it is not studied from outside.
    if (kind !== 'group') head = last = kind === 'look' ? pass() : { kind: 'ques', atom: head, independent: true, type: 'greedy', next: null };
    const node = this.closure(head);
    if (node === head || kind !== 'group') {
      this.root = node === head ? last : node;
      return node;
    }
    if (node.kind !== 'ques' && node.kind !== 'curly') throw new Error('a group is no CharProperty');
    if (node.type === 'possessive') {
      this.root = node;
      return node;
    }
    if (node.kind === 'ques') {
      const conn: JNode = { kind: 'branchConn', next: null };
      tail.next = conn;
      this.root = conn;
      return { kind: 'branch', atoms: node.type === 'greedy' ? [head, null] : [null, head], conn, next: null };
    }
    // Deterministic (studied alone): a GroupCurly, measured as a Curly of the body; else Prolog and Loop.
    if (study(head, fresh())) {
      const groupCurly: JNode = { kind: 'curly', atom: head.next as JNode, cmin: node.cmin, cmax: node.cmax, type: node.type, next: null };
      this.root = groupCurly;
      return groupCurly;
    }
    const loop: JNode = { kind: 'loop', next: null };
    this.root = loop;
    return loop;
  }
}

/** Where the class opened at `i` (`[`) ends, past its `]`, as javaRegexRefusal's walk reads classes. */
function classEnd(p: string, i: number): number {
  let depth = 0;
  for (let k = i; k < p.length; ) {
    if (p[k] === '[') {
      depth++;
      k += p[k + 1] === '^' ? 2 : 1;
      if (p[k] === ']') k++; // a member there
    } else if (p[k] === ']') {
      k++;
      if (--depth === 0) return k;
    } else k += p[k] === '\\' ? escapeLength(p, k) : 1;
  }
  return p.length;
}

/**
 * True when Java finds no maximum length for the look-behind whose body is `p` from `from` up to `to` (its `)`,
 * or the end of an unclosed one): Java 8's Pattern when `java8`, JDK 9+'s otherwise; `canonEq`: `(?c)` is on
 * where the body starts; `closes`: the `)` of each group the walk has closed, by its `(`.
 */
export function lookbehindUnbounded(p: string, from: number, to: number, java8: boolean, canonEq: boolean, closes: ReadonlyMap<number, number> = new Map()): boolean {
  try {
    const builder = new Builder(p, from, to, java8, canonEq, closes);
    const info = fresh();
    study(builder.expr(pass()), info);
    return !info.valid;
  } catch {
    return false;
  }
}
