/**
 * What typingSession.test.ts judges the server by: the documents a session starts from, marathon-lint's verdict
 * on a text (in-process, as test/parity runs it), the pushed diagnostics in the same terms, strict JSON, where a
 * key or value may be typed, and a completion item accepted as an editor applies it.
 */
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { createScanner, SyntaxKind } from 'jsonc-parser';
import { runCli } from '../../language-server/src/cli/run';
import { lint } from '../../language-server/src/index';
import { expandSnippet } from '../../language-server/test/features/snippetExpansion';
import { offsetOfPos, posOfOffset, type RangeEdit } from './editorText';
import { corpusDir, repoRoot, type Published, type TestClient } from './lspClient';

function jsonUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return existsSync(join(path, 'marathon-lint.config.json')) ? [] : jsonUnder(path);
      return name.endsWith('.json') && name !== 'marathon-lint.config.json' ? [path] : [];
    });
}

/**
 * Rule fixtures (those linted under the default profile), examples/ and the shared corpus, up to `maxChars` each;
 * `fixable` says whether a finding in it has a quick fix, so that a session can start where there is one to apply.
 */
export function sessionDocuments(maxChars: number): { path: string; text: string; fixable: boolean }[] {
  const files = [...jsonUnder(join(repoRoot, 'language-server/test/rules')), ...jsonUnder(join(repoRoot, 'examples')), ...jsonUnder(corpusDir)];
  return files
    .map((path) => ({ path, text: readFileSync(path, 'utf8') }))
    .filter((d) => d.text.length <= maxChars)
    .map((d) => ({ ...d, fixable: lint(d.text, {}).diagnostics.some((f) => f.fix !== undefined) }));
}

const severities: Record<number, string> = { 1: 'error', 2: 'warning', 3: 'info' };

/** marathon-lint's findings for `text` saved at `path`: [rule, severity, pointer, range, message] per finding. */
export async function cliVerdict(path: string, text: string): Promise<{ kind: string; findings: string[] }> {
  writeFileSync(path, text);
  const stdout = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d) => (out += d));
  const stderr = new PassThrough();
  stderr.on('data', (d) => (err += d));
  const status = await runCli(['--format', 'json', path], { cwd: repoRoot, env: {}, stdin: new PassThrough(), stdout, stderr });
  if (status !== 0 && status !== 1) throw new Error(`marathon-lint ${path}: status ${status}: ${err}`);
  const [r] = JSON.parse(out) as { kind: string; diagnostics: { ruleId: string; severity: string; pointer: string; range: unknown; message: string }[] }[];
  return { kind: r.kind, findings: r.diagnostics.map((d) => JSON.stringify([d.ruleId, d.severity, d.pointer, d.range, d.message])) };
}

/** The diagnostics the client holds for `uri`: the last ones pushed, in the terms of `cliVerdict`. */
export function serverFindings(published: readonly Published[], uri: string): string[] {
  const last = [...published].reverse().find((p) => p.uri === uri);
  return (last?.diagnostics ?? []).map((d) => JSON.stringify([d.code, severities[d.severity], d.data?.pointer, d.range, d.message]));
}

export function strictJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

const valueTokens = new Set([SyntaxKind.StringLiteral, SyntaxKind.NumericLiteral, SyntaxKind.TrueKeyword, SyntaxKind.FalseKeyword, SyntaxKind.NullKeyword]);
const trivia = new Set([SyntaxKind.Trivia, SyntaxKind.LineBreakTrivia, SyntaxKind.LineCommentTrivia, SyntaxKind.BlockCommentTrivia]);

/**
 * Whether a key or value may be typed at `offset` of strict JSON: inside a string, number or literal (or at the end
 * of a number or literal), right after `{`, `[` or `,`, or after a last member whose comma is not typed yet
 * (white space, then `}` or `]`). Not right after a value followed by more, nor between a colon and its value, nor
 * inside a line break.
 */
export function freeSlotAt(text: string, offset: number): boolean {
  // No position lies between \r and \n (LSP specification, "Position"): a cursor there is at the end of the line.
  if (text[offset - 1] === '\r' && text[offset] === '\n') return false;
  const s = createScanner(text, false);
  let prev: { kind: SyntaxKind; end: number } | undefined;
  for (let k = s.scan(); k !== SyntaxKind.EOF; k = s.scan()) {
    if (trivia.has(k)) continue;
    const start = s.getTokenOffset();
    const end = start + s.getTokenLength();
    if (start >= offset) {
      if (!prev) return false;
      if ([SyntaxKind.OpenBraceToken, SyntaxKind.OpenBracketToken, SyntaxKind.CommaToken].includes(prev.kind)) return true;
      const afterValue = valueTokens.has(prev.kind) || prev.kind === SyntaxKind.CloseBraceToken || prev.kind === SyntaxKind.CloseBracketToken;
      return afterValue && offset > prev.end && (k === SyntaxKind.CloseBraceToken || k === SyntaxKind.CloseBracketToken);
    }
    if (valueTokens.has(k) && offset > start && (offset < end || (offset === end && k !== SyntaxKind.StringLiteral))) return true;
    prev = { kind: k, end };
  }
  return false;
}

/**
 * A completion item accepted at `offset`: its textEdit, or its insertText over the word before the cursor (VS Code's
 * JSON word pattern), snippets expanded as the user tabs through them, and its additionalTextEdits.
 */
export function acceptItem(text: string, offset: number, item: any): RangeEdit[] {
  const body = (t: string) => (item.insertTextFormat === 2 ? expandSnippet(t) : t);
  const edits: RangeEdit[] = [...(item.additionalTextEdits ?? [])];
  if (item.textEdit) edits.push({ range: item.textEdit.range ?? item.textEdit.replace, newText: body(item.textEdit.newText) });
  else {
    let start = offset;
    while (start > 0 && /[^[{\]}:",\s]/.test(text[start - 1])) start--;
    edits.push({ range: { start: posOfOffset(text, start), end: posOfOffset(text, offsetOfPos(text, posOfOffset(text, offset))) }, newText: body(item.insertText ?? item.label) });
  }
  return edits;
}

/** The completion items at `offset` of `text`, opened as a fresh document under `dir` and closed again. */
export async function completionItemsAt(c: TestClient, dir: string, text: string, offset: number): Promise<any[]> {
  const uri = `file:///tmp/${dir}/${completionDocs++}.json`;
  await c.open(uri, text);
  const list: any = await c.conn.sendRequest('textDocument/completion', { textDocument: { uri }, position: posOfOffset(text, offset) });
  await c.close(uri);
  return Array.isArray(list) ? list : list.items;
}
let completionDocs = 0;
