/**
 * A tolerant JSON syntax tree with offsets, built iteratively over jsonc-parser's scanner.
 * Why not jsonc-parser's parseTree: it recurses per nesting level and overflows the stack at a few
 * thousand levels; editor features must work (or at least not crash) on 10,000-deep documents.
 * The tree is also tolerant of the half-typed text completion sees (`{"a": }`, `{"a"`, trailing commas).
 */
import { createScanner } from 'jsonc-parser';
import { pointerTokens } from '../core/pointer';
import { bracketSurplus } from '../core/bracketSurplus';
import { layoutEnd, leadingIndent, outdents } from './indentation';

// jsonc-parser's SyntaxKind values. Its `const enum` cannot be read under this repo's tsc settings
// (module "Preserve" treats ambient const enums as isolated), so the stable numeric values are named here.
const SyntaxKind = {
  OpenBraceToken: 1,
  CloseBraceToken: 2,
  OpenBracketToken: 3,
  CloseBracketToken: 4,
  CommaToken: 5,
  ColonToken: 6,
  NullKeyword: 7,
  TrueKeyword: 8,
  FalseKeyword: 9,
  StringLiteral: 10,
  NumericLiteral: 11,
  LineCommentTrivia: 12,
  BlockCommentTrivia: 13,
  LineBreakTrivia: 14,
  Trivia: 15,
  EOF: 17,
} as const;
type SyntaxKind = number;

export type JsonNodeType = 'object' | 'array' | 'property' | 'string' | 'number' | 'boolean' | 'null';

export interface JsonNode {
  type: JsonNodeType;
  offset: number;
  length: number;
  parent?: JsonNode;
  /** object: property nodes; array: items; property: [key, value?] */
  children?: JsonNode[];
  /** Scalar value for string/number/boolean/null (the key text for a property's key node). */
  value?: unknown;
  /** Offset of the ':' of a property, when present. */
  colonOffset?: number;
  /**
   * The root only: the brackets do not balance (something is open at the end, a `]` closed an open `{` or the
   * reverse, a closer closed nothing, or more follows the root's closer). Where the layout placed a missing `}`, or
   * which `}` closes the root, depends on the whole text, so an edit re-parses all of it (incrementalTree.ts). Without
   * it every closer closed the innermost open container, which is of its kind.
   */
  unbalanced?: true;
}

export type JsonPath = (string | number)[];

/**
 * Parses any text; never throws. Returns undefined for text without a JSON value. When the text has more openers than
 * closers (counted before building: bracketSurplus.ts), the pass reads the layout for where the missing ones were meant
 * (features/indentation.ts); a balanced text pays nothing for it. A second pass only when tokens follow the root's closer.
 */
export function parseTree(text: string): JsonNode | undefined {
  const missing = Math.max(0, bracketSurplus(text));
  const first = build(text, missing);
  const root = first.afterRoot ? build(text, missing, first.lastCloser).root : first.root;
  if (root && first.unbalanced) root.unbalanced = true;
  return root;
}

/**
 * One pass over the text. `missing` is how many brackets the layout may place: as many as the text has more openers
 * than closers, so that a region read as written stays so (a key indented oddly below the break is not a second one).
 * Unbalanced: a container was left open at the end or closed by another's closer, a closer closed nothing (the `]` of
 * an array a key closed early: keyInArray), or the counts differ (a `{` where
 * a key belongs is dropped, and its `}` then closes another). `rootCloser`: when a pass found tokens after the root
 * was closed (a stray `}` on a garbage line, or typed twice), only the text's last closer may close the root: the
 * keys below an earlier one are the root's, not a second document to ignore.
 */
function build(text: string, missing: number, rootCloser?: number): { root: JsonNode | undefined; unbalanced: boolean; afterRoot: boolean; lastCloser: number } {
  let unclosed = 0;
  /** A closer with no open container of its kind: ignored here, but a later edit may give it one to close. */
  let strayCloser = false;
  let afterRoot = false;
  let lastCloser = -1;
  let openers = 0;
  let closers = 0;
  const scanner = createScanner(text, false);
  const indents = new Map<JsonNode, string>();
  let root: JsonNode | undefined;
  // Containers being filled, innermost last. A property sits on the stack until its value arrives.
  const stack: JsonNode[] = [];

  const scan = (): SyntaxKind => {
    for (;;) {
      const t = scanner.scan();
      if (t !== SyntaxKind.Trivia && t !== SyntaxKind.LineBreakTrivia && t !== SyntaxKind.LineCommentTrivia && t !== SyntaxKind.BlockCommentTrivia) return t;
    }
  };
  const close = (node: JsonNode, end: number) => {
    node.length = end - node.offset;
  };
  /** Ends an open property (value done or abandoned) and extends its length. */
  const finishProperty = () => {
    const top = stack[stack.length - 1];
    if (top?.type === 'property') {
      stack.pop();
      const last = top.children![top.children!.length - 1];
      close(top, last.offset + last.length);
    }
  };
  const attachValue = (node: JsonNode): boolean => {
    const top = stack[stack.length - 1];
    if (!top) {
      if (root) return false; // a second top-level value: ignore it
      root = node;
      return true;
    }
    if (top.type === 'array') {
      node.parent = top;
      top.children!.push(node);
      return true;
    }
    if (top.type === 'property' && top.children!.length === 1) {
      node.parent = top;
      top.children!.push(node);
      return true;
    }
    return false; // a value where a key was expected: drop it
  };

  /**
   * `"key":` where an array item belongs: no item is followed by a colon, so the arrays on top of the stack were left
   * unclosed above (`"args": ["a",` then `"cpus": 1` on the next line). They end where the layout says when the key
   * starts its line (indentation.ts, layoutEnd), else at their last item, and the key becomes a property of the
   * innermost object, as the user meant; a cursor below is then in that object.
   */
  const keyInArray = (colon: number): boolean => {
    const array = stack[stack.length - 1];
    const key = array.children![array.children!.length - 1];
    const idx = findLast(stack, 'object');
    if (idx < 0 || key?.type !== 'string' || key.offset + key.length !== prevEnd) return false;
    array.children!.pop();
    const indent = leadingIndent(text, key.offset);
    while (stack.length > idx + 1) {
      const n = stack.pop()!;
      const last = n.children![n.children!.length - 1];
      const lastEnd = last ? last.offset + last.length : n.offset + 1;
      close(n, n.type === 'property' || indent === undefined ? lastEnd : Math.max(lastEnd, layoutEnd(text, key.offset - indent.length, n, indents, keyCommaBefore)));
    }
    const obj = stack[idx];
    const prop: JsonNode = { type: 'property', offset: key.offset, length: colon + 1 - key.offset, parent: obj, children: [key], colonOffset: colon };
    key.parent = prop;
    obj.children!.push(prop);
    stack.push(prop);
    return true;
  };

  /**
   * Closes the containers a token starting its line (at `lineStart`) outside of them leaves, where the layout says
   * (indentation.ts, layoutEnd: blank lines indented into them are theirs). Returns the new top.
   */
  const closeOutdented = (indent: string, lineStart: number, comma: number | undefined): JsonNode | undefined => {
    let top = stack[stack.length - 1];
    while (missing > 0 && (top?.type === 'object' || top?.type === 'array') && top.parent && outdents(text, indent, top, indents)) {
      missing--;
      stack.pop();
      close(top, layoutEnd(text, lineStart, top, indents, comma));
      finishProperty();
      top = stack[stack.length - 1];
    }
    return top;
  };

  let prevKind: SyntaxKind | undefined;
  let prevEnd = 0;
  /** The comma token just before the previous token, if any (a key's, when keyInArray reads it at the colon). */
  let keyCommaBefore: number | undefined;
  for (let t = scan(); t !== SyntaxKind.EOF; prevKind = t, t = scan()) {
    const offset = scanner.getTokenOffset();
    let end = offset + scanner.getTokenLength();
    // The comma token right before this one (a comma is one character): where a container the layout closes ends.
    const commaBefore = prevKind === SyntaxKind.CommaToken ? prevEnd - 1 : undefined;
    if (root && stack.length === 0) afterRoot = true;
    let stringValue = t === SyntaxKind.StringLiteral ? scanner.getTokenValue() : undefined;
    // A string ends at its line's end (JSON has no raw line break in a string, and jsonc-parser's scanner ends one
    // left unclosed there), but the scanner reads a backslash before a line break as an escape and runs on to the
    // next quote (`"exec ./x\` swallowed the next line's opening quote). Cut there; scanning goes on from the break.
    if (stringValue !== undefined && scanner.getTokenError() !== 0) {
      let leftOpen = scanner.getTokenError() === unexpectedEndOfString;
      for (let i = offset; i < end; i++) {
        if (text[i] !== '\n' && text[i] !== '\r') continue;
        const cut = createScanner(text.slice(offset, i), false);
        cut.scan();
        stringValue = cut.getTokenValue();
        end = i;
        scanner.setPosition(i);
        leftOpen = true;
        break;
      }
      // Left open, a string swallows the comma typed after it (`"rexray,`): that is the separator the user meant, not
      // part of the value the rules and the items read (the driver's option keys are rexray's).
      if (leftOpen) stringValue = stringValue.replace(/\s*,\s*$/, '');
    }
    let top: JsonNode | undefined = stack[stack.length - 1];
    // A key left without its colon (`"a` or `"a"` ending its line) takes no value from a later line: a string there
    // is the next key (`"labels": {"a` above `"container": {`), as jsonc-parser's parseTree gives that key none.
    if (t === SyntaxKind.StringLiteral && top?.type === 'property' && top.colonOffset === undefined && top.children!.length === 1 && lineBreakIn(text, top.offset + top.length, offset)) {
      finishProperty();
      top = stack[stack.length - 1];
    }
    // A key or value starting its line outside the open object or array it would go into (features/indentation.ts).
    if (missing > 0 && valueStart.has(t) && (top?.type === 'object' || top?.type === 'array') && top.parent) {
      const indent = leadingIndent(text, offset);
      if (indent !== undefined) top = closeOutdented(indent, offset - indent.length, commaBefore);
    }
    switch (t) {
      case SyntaxKind.OpenBraceToken:
      case SyntaxKind.OpenBracketToken: {
        openers++;
        const node: JsonNode = { type: t === SyntaxKind.OpenBraceToken ? 'object' : 'array', offset, length: 0, children: [] };
        if (attachValue(node)) stack.push(node);
        break;
      }
      case SyntaxKind.CloseBraceToken:
      case SyntaxKind.CloseBracketToken: {
        closers++;
        lastCloser = offset;
        const want = t === SyntaxKind.CloseBraceToken ? 'object' : 'array';
        // Pop to the matching container; unmatched closers are ignored.
        const idx = findLast(stack, want);
        if (idx < 0 || (idx === 0 && rootCloser !== undefined && offset !== rootCloser)) {
          strayCloser = true;
          break;
        }
        while (stack.length > idx + 1) {
          const n = stack.pop()!;
          if (n.type !== 'property') unclosed++;
          close(n, offset);
        }
        const n = stack.pop()!;
        close(n, end);
        finishProperty();
        break;
      }
      case SyntaxKind.StringLiteral: {
        if (top?.type === 'object') {
          const prop: JsonNode = { type: 'property', offset, length: end - offset, parent: top, children: [] };
          prop.children!.push({ type: 'string', offset, length: end - offset, parent: prop, value: stringValue });
          top.children!.push(prop);
          stack.push(prop);
          break;
        }
        if (attachValue({ type: 'string', offset, length: end - offset, value: stringValue })) finishProperty();
        break;
      }
      case SyntaxKind.NumericLiteral:
      case SyntaxKind.TrueKeyword:
      case SyntaxKind.FalseKeyword:
      case SyntaxKind.NullKeyword: {
        const node: JsonNode =
          t === SyntaxKind.NumericLiteral
            ? { type: 'number', offset, length: end - offset, value: Number(scanner.getTokenValue()) }
            : t === SyntaxKind.NullKeyword
              ? { type: 'null', offset, length: end - offset, value: null }
              : { type: 'boolean', offset, length: end - offset, value: t === SyntaxKind.TrueKeyword };
        if (attachValue(node)) finishProperty();
        break;
      }
      case SyntaxKind.ColonToken:
        if (top?.type === 'property' && top.colonOffset === undefined) {
          top.colonOffset = offset;
          top.length = end - top.offset;
        } else if (top?.type === 'array' && prevKind === SyntaxKind.StringLiteral) keyInArray(offset);
        break;
      case SyntaxKind.CommaToken:
        // `{"a": ,` or `{"a" ,`: the property ends without a value. After a colon it reaches to the comma, as it
        // reaches to a closing brace: a cursor between the two is at its value (completion offers values, not keys).
        if (top?.type === 'property' && top.colonOffset !== undefined && top.children!.length === 1) close(stack.pop()!, offset);
        else if (top?.type === 'property') finishProperty();
        break;
      default:
        break; // unknown tokens are skipped: the tree stays usable around them
    }
    prevEnd = end;
    keyCommaBefore = commaBefore;
  }
  unclosed += stack.filter((n) => n.type !== 'property').length;
  // Unterminated containers reach to the end of the text, so a cursor at the end is "inside" them.
  while (stack.length > 0) {
    const n = stack.pop()!;
    close(n, text.length);
  }
  return { root, unbalanced: unclosed > 0 || strayCloser || openers !== closers || afterRoot, afterRoot, lastCloser };
}

/** jsonc-parser's ScanError.UnexpectedEndOfString (a const enum, as SyntaxKind above). */
const unexpectedEndOfString = 2;

const valueStart = new Set<SyntaxKind>([SyntaxKind.OpenBraceToken, SyntaxKind.OpenBracketToken, SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword]);

function lineBreakIn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text[i] === '\n' || text[i] === '\r') return true;
  return false;
}

function findLast(stack: JsonNode[], type: JsonNodeType): number {
  for (let i = stack.length - 1; i >= 0; i--) if (stack[i].type === type) return i;
  return -1;
}

/** The innermost node containing offset (inclusive end, as jsonc-parser's findNodeAtOffset). Iterative. */
export function nodeAtOffset(root: JsonNode | undefined, offset: number): JsonNode | undefined {
  if (!root || offset < root.offset || offset > root.offset + root.length) return undefined;
  let node = root;
  for (;;) {
    const kids = node.children;
    if (!kids || kids.length === 0) return node;
    // Children are in offset order: binary search for the last child starting at or before offset.
    let lo = 0;
    let hi = kids.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (kids[mid].offset <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return node;
    const child = kids[found];
    if (offset > child.offset + child.length) return node;
    // Between a property's end and the next: prefer the node whose range strictly contains offset.
    if (offset === child.offset + child.length && found + 1 < kids.length && kids[found + 1].offset === offset) node = kids[found + 1];
    else node = child;
  }
}

/** The JSON path of a node: keys and array indices from the root. */
export function pathOf(node: JsonNode): JsonPath {
  const path: JsonPath = [];
  let n: JsonNode | undefined = node;
  while (n?.parent) {
    const p: JsonNode = n.parent;
    if (p.type === 'property') {
      path.push(String(p.children![0].value));
      n = p.parent;
    } else if (p.type === 'array') {
      path.push(p.children!.indexOf(n));
      n = p;
    } else n = p;
  }
  return path.reverse();
}

/** The value node at a path, or undefined. */
export function findNode(root: JsonNode | undefined, path: JsonPath): JsonNode | undefined {
  let node = root;
  for (const seg of path) {
    if (!node) return undefined;
    if (node.type === 'object' && typeof seg === 'string') {
      const prop: JsonNode | undefined = node.children!.find((p) => p.children![0].value === seg);
      node = prop?.children![1];
    } else if (node.type === 'array' && typeof seg === 'number') node = node.children![seg];
    else return undefined;
  }
  return node;
}

/** The property node for `key` of an object node. */
export function propertyOf(obj: JsonNode | undefined, key: string): JsonNode | undefined {
  if (obj?.type !== 'object') return undefined;
  return obj.children!.find((p) => p.children![0].value === key);
}

/** Plain value of a subtree, built iteratively (deep documents must not overflow). Properties without value are skipped. */
export function valueOf(node: JsonNode | undefined): unknown {
  if (!node) return undefined;
  if (node.type !== 'object' && node.type !== 'array') return node.value;
  const rootOut: unknown = node.type === 'object' ? {} : [];
  const work: { node: JsonNode; out: any }[] = [{ node, out: rootOut }];
  while (work.length > 0) {
    const { node: n, out } = work.pop()!;
    for (const child of n.children!) {
      const key = n.type === 'object' ? String(child.children![0].value) : undefined;
      const valueNode = n.type === 'object' ? child.children![1] : child;
      if (!valueNode) continue;
      let v: unknown;
      if (valueNode.type === 'object' || valueNode.type === 'array') {
        v = valueNode.type === 'object' ? {} : [];
        work.push({ node: valueNode, out: v });
      } else v = valueNode.value;
      if (key !== undefined) out[key] = v;
      else out.push(v);
    }
  }
  return rootOut;
}

/** Parses an RFC 6901 pointer into a path (numeric tokens become numbers). */
export function fromPointer(pointer: string): JsonPath {
  return pointerTokens(pointer).map((t) => (/^(0|[1-9]\d*)$/.test(t) ? Number(t) : t));
}
