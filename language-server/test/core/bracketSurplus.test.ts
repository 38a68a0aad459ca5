import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { bracketSurplus } from '../../src/core/bracketSurplus';

/**
 * The count the tolerant tree's tokens give (jsonTree.ts): jsonc-parser's scanner, a string with an error ending at
 * its first line break (where the tree cuts one a backslash carried on). parseTree trusts bracketSurplus for it.
 */
function tokenSurplus(text: string): number {
  const s = createScanner(text, false);
  let depth = 0;
  for (let k = s.scan(); k !== SyntaxKind.EOF; k = s.scan()) {
    if (k === SyntaxKind.OpenBraceToken || k === SyntaxKind.OpenBracketToken) depth++;
    else if (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken) depth--;
    else if (k === SyntaxKind.StringLiteral && s.getTokenError() !== 0) {
      const at = s.getTokenOffset();
      const token = text.slice(at, at + s.getTokenLength());
      const cut = token.search(/[\r\n]/);
      if (cut >= 0) s.setPosition(at + cut);
    }
  }
  return depth;
}

test('bracketSurplus counts the brackets the tree\'s tokens hold: none in strings (escapes, left open at a line break) or comments', () => {
  const cases: [string, number][] = [
    ['{"a": [1, 2]}', 0],
    ['{"a": "}]", "b": "\\"{"', 1],
    ['{"cmd": "exec ./x\\\n  "b": [', 2],
    ['{"cmd": "x\\\r\n}', 0],
    ['{"u": "http://x/*", // a } here\n /* ] and\n } */ "b": [', 2],
    ['{"a": 1 /* left open }}}', 1],
    ['{"a": "left open }\n}', 0],
    ['{"a": "\\\\"}', 0],
    ['[1, / 2]', 0],
  ];
  for (const [text, want] of cases) {
    assert.equal(tokenSurplus(text), want, `the scanner's count for ${JSON.stringify(text)}`);
    assert.equal(bracketSurplus(text), want, JSON.stringify(text));
  }
});

test('bracketSurplus agrees with the scanner on random texts of brackets, quotes, escapes, comments and line breaks', () => {
  const piece = fc.constantFrom('{', '}', '[', ']', '"', '\\', '/', '*', '\n', '\r', '\r\n', ' ', 'a', ',', ':', '1', '//', '/*', '*/', '\\"', '\\u12', '\\u00e9', '"x"', 'true', '-');
  fc.assert(
    fc.property(fc.array(piece, { maxLength: 60 }), (parts) => {
      const text = parts.join('');
      assert.equal(bracketSurplus(text), tokenSurplus(text), JSON.stringify(text));
    }),
    { numRuns: Number(process.env.RUNS ?? 3000), ...(process.env.NO_SHRINK ? { endOnFailure: true } : {}) },
  );
});
