/**
 * A java.util.regex pattern as Pattern reads it under comments mode (`(?x)`, `(?x:…)`), for javaRegexRefusal.ts's
 * walk and javaRegex.ts's compile: what Pattern skips is left out, what it reads is kept, and where Pattern reads a
 * character raw, it is kept in a form the walk reads the same way. `pattern` is already unquoted (javaUnquoted.ts).
 *
 * Pattern reads through peek(), read(), next() and accept(), which under COMMENTS skip whitespace and `#…` to a line
 * end (isLineSeparator: `\n` alone under UNIX_LINES, `(?d)`) before the character they return. It reads raw, with
 * skip(), nextEscaped() or temp[cursor ± 1], only here (OpenJDK 8 and 17 Pattern.java alike):
 * 1. the character after a backslash (sequence, atom, range: nextEscaped; escape: skip): `\ ` is a space;
 * 2. the character after `(?` (group0: skip): whitespace or `#` there sends group0 to the inline flags, which addFlag
 *    reads past whitespace again, so `(? i)` sets i and `(? :a)` is a group, while `(? <=a)` is an unknown modifier;
 * 3. the character after a counted closure's `{` (closure: temp[cursor + 1] in Java 8, skip() in 9+): `a{ 2}` is
 *    refused; the digits after the first are read past whitespace (`a{4 2}` is `a{42}`);
 * 4. a class's `^` negates only right after its `[` (clazz: temp[cursor - 1] == '['): `[ ^]` holds a `^`;
 * 5. after a range's `-`, only a `[` or `]` right after it ends no range (range: temp[cursor + 1]), so `[a- ]]` is a
 *    range to `]`; and `\v` starts a range only with the `-` right after it (range: isrange);
 * 6. a name: `\p{…}` from its first character (family's next() skips to it) and `\N{…}` from right after its `{`, each
 *    to the `}` read() finds past comments, as written, whitespace and comments included.
 * And unread() steps back one character, not over what next() skipped: a `&` that starts no `&&` and has whitespace
 * after it is lost, the next item read in its place (clazz), so `[& ]` is a class of `]`, unclosed. A flag takes
 * effect as addFlag reads it, within its own group (`(?x i)` sets both). Pure.
 */

/** The text left and, for each of its characters, its index in the pattern (for Java's error indexes). */
export type CommentsStripped = { text: string; at: number[] };

const SPACE = /^[ \t\n\x0B\f\r]$/;
const LINE_END = /^[\n\r\u0085\u2028\u2029]$/;
const FLAGS = 'idmsuxcU';
/** Class escapes (range returns no single character for them): no range starts or ends there. */
const CLASS_ESCAPES = 'dDsSwWhHVpP';

type Modes = { comments: boolean; unixLines: boolean };

class Reader {
  text = '';
  readonly at: number[] = [];
  private modes: Modes = { comments: false, unixLines: false };
  private readonly saved: Modes[] = [];
  /** Per open class level: whether nothing is read in it yet (a `]` there is a member: Pattern.clazz's prev == null). */
  private readonly classes: { empty: boolean }[] = [];

  constructor(private readonly p: string) {}

  run(): CommentsStripped {
    for (let i = 0; ; ) {
      i = this.past(i);
      if (i >= this.p.length) return { text: this.text, at: this.at };
      i = this.classes.length > 0 ? this.classStep(i) : this.sequenceStep(i);
    }
  }

  private emit(s: string, at: number): void {
    this.text += s;
    for (let k = 0; k < s.length; k++) this.at.push(at);
  }

  /** The character (a code point) at `i`, kept as written; where the walk goes on. */
  private keep(i: number): number {
    const length = (this.p.codePointAt(i) as number) > 0xffff ? 2 : 1;
    for (let k = i; k < i + length; k++) this.emit(this.p[k], k);
    return i + length;
  }

  private skippable(i: number): boolean {
    return this.modes.comments && (SPACE.test(this.p[i] ?? '') || this.p[i] === '#');
  }

  /** Where peek() stands from `i`: past whitespace and `#…` comments under comments mode. */
  private past(from: number): number {
    let i = from;
    while (this.skippable(i)) {
      if (this.p[i] !== '#') i++;
      else while (i < this.p.length && !(this.modes.unixLines ? this.p[i] === '\n' : LINE_END.test(this.p[i]))) i++;
    }
    return i;
  }

  private sequenceStep(i: number): number {
    const ch = this.p[i];
    if (ch === '\\') return this.escape(i);
    if (ch === '[') return this.classOpen(i);
    if (ch === '(') return this.group(i);
    if (ch === ')') {
      this.modes = this.saved.pop() ?? this.modes;
      return this.keep(i);
    }
    const next = this.keep(i);
    // 3. Pattern.closure looks at the character after `{` raw: whitespace or `#` there is kept, for the walk to refuse.
    return ch === '{' && this.skippable(next) ? this.keep(next) : next;
  }

  /** Pattern.group0 from its `(`, and addFlag for inline flags. */
  private group(i: number): number {
    this.emit('(', i);
    const q = this.past(i + 1);
    const kind = this.p[q + 1] ?? '';
    if (this.p[q] !== '?' || (kind !== '' && ':=!><$@'.includes(kind))) {
      this.saved.push(this.modes);
      if (this.p[q] !== '?') return q;
      this.emit(`?${kind}`, q);
      return q + 2;
    }
    // 2. Inline flags: read past whitespace as each flag leaves comments mode, from the character after `?`.
    const before = this.modes;
    let on = true;
    let k = this.past(q + 1);
    this.emit('?', q);
    for (; k < this.p.length; k = this.past(k + 1)) {
      const f = this.p[k];
      if (f === '-' && on) on = false;
      else if (FLAGS.includes(f)) {
        if (f === 'x') this.modes = { ...this.modes, comments: on };
        if (f === 'd') this.modes = { ...this.modes, unixLines: on };
      } else break;
      this.emit(f, k);
    }
    const end = this.p[k];
    if (end === ')') this.emit(')', k);
    else if (end === ':') {
      this.emit(':', k);
      this.saved.push(before);
    } else if (k < this.p.length) this.emit(' ', k); // "Unknown inline modifier", at that character: no flag the walk reads
    return k + 1;
  }

  /** A class opened at `i` (Pattern.clazz): 4. its `^` negates only right after the `[`. */
  private classOpen(i: number): number {
    this.emit('[', i);
    this.classes.push({ empty: true });
    if (this.p[i + 1] === '^') {
      this.emit('^', i + 1);
      return i + 2;
    }
    const k = this.past(i + 1);
    if (this.p[k] !== '^' || k === i + 1) return k;
    this.classes[this.classes.length - 1].empty = false;
    this.emit('\\^', k);
    return this.rangeAfter(k + 1);
  }

  private classStep(i: number): number {
    const ch = this.p[i];
    const level = this.classes[this.classes.length - 1];
    if (ch === '[') {
      level.empty = false;
      return this.classOpen(i);
    }
    if (ch === ']' && !level.empty) {
      this.classes.pop();
      return this.keep(i);
    }
    level.empty = false;
    if (ch === '&') {
      const k = this.past(i + 1);
      if (this.p[k] === '&') {
        this.emit('&&', i);
        return k + 1;
      }
      // Pattern.clazz reads the `&` alone again after unread(), which steps back over one skipped character only.
      if (k === i + 1) return this.rangeAfter(this.keep(i));
      if (k >= this.p.length) return k;
      return this.item(k, true);
    }
    return this.item(i, false);
  }

  /** One item of a class at `i` (Pattern.range); `asText`: a `[`, `]`, `^` or `-` there is a character. */
  private item(i: number, asText: boolean): number {
    const ch = this.p[i];
    if (ch === '\\') {
      const letter = this.p[i + 1] ?? '';
      const end = this.escape(i);
      if (letter === 'v' && this.p[i + 2] !== '-') {
        // 5. `\v` is a class unless `-` stands right after it; a `-` after whitespace starts the next item.
        const k = this.past(end);
        if (this.p[k] !== '-') return end;
        this.emit('\\-', k);
        return this.rangeAfter(k + 1);
      }
      return CLASS_ESCAPES.includes(letter) ? end : this.rangeAfter(end);
    }
    if (asText && '[]^-'.includes(ch)) {
      this.emit(`\\${ch}`, i);
      return this.rangeAfter(i + 1);
    }
    return this.rangeAfter(this.keep(i));
  }

  /** After a single character ending at `end`: 5. a range when a `-` follows and no `[` or `]` right after it. */
  private rangeAfter(end: number): number {
    const k = this.past(end);
    if (this.p[k] !== '-' || this.p[k + 1] === '[' || this.p[k + 1] === ']') return end;
    this.emit('-', k);
    const m = this.past(k + 1);
    if (m >= this.p.length) return m;
    if (this.p[m] === '\\') return this.escape(m);
    if (this.p[m] !== '[' && this.p[m] !== ']') return this.keep(m);
    this.emit(`\\${this.p[m]}`, m);
    return m + 1;
  }

  /** The escape at `i` (1. its letter raw); `\c`, `\p`, `\N`, `\x{` here, the rest of an escape read on by the caller. */
  private escape(i: number): number {
    const letter = this.p[i + 1];
    if (letter === undefined) return this.keep(i);
    this.emit('\\', i);
    const next = this.keep(i + 1);
    if (letter === 'c') {
      // Pattern.c reads the control character with read(), a backslash too.
      const k = this.past(next);
      return k < this.p.length ? this.keep(k) : k;
    }
    if (letter === 'p' || letter === 'P') {
      const k = this.past(next);
      if (this.p[k] !== '{') return k < this.p.length ? this.keep(k) : k;
      return this.name(k, this.past(k + 1));
    }
    if (letter === 'N') {
      const k = this.past(next);
      return this.p[k] === '{' ? this.name(k, k + 1) : k;
    }
    if (letter === 'x') {
      // Pattern.x reads the `{` and the digits with read() and peek(): the `{` is no counted closure.
      const k = this.past(next);
      if (this.p[k] !== '{') return k;
      this.emit('{', k);
      return k + 1;
    }
    return next;
  }

  /** 6. A name whose `{` is at `open` and whose text starts at `from`, to the `}` read() finds. */
  private name(open: number, from: number): number {
    this.emit('{', open);
    let close = this.past(from);
    while (close < this.p.length && this.p[close] !== '}') close = this.past(close + 1);
    for (let k = from; k < Math.min(close, this.p.length); k++) this.emit(this.p[k], k);
    if (close >= this.p.length) return close;
    this.emit('}', close);
    return close + 1;
  }
}

/** The pattern as Pattern reads it under comments mode, or undefined when no flag group turns comments mode on. */
export function javaCommentsStripped(pattern: string): CommentsStripped | undefined {
  if (!/\(\?[a-zA-Z]*x/.test(pattern)) return undefined;
  return new Reader(pattern).run();
}
