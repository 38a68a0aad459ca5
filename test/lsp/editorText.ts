/**
 * The client's side of the text as the LSP specification defines it, for tests that edit a document on the server:
 * lines end at \r\n, \r or \n; a position's character counts UTF-16 code units and "defaults back to the line
 * length" when it is greater (LSP specification, "Position"), so no position lies inside a line break; a position
 * may lie between the two halves of a surrogate pair. Edits of one didChange apply one after another, each in
 * terms of the text left by the one before (LSP specification, "DidChangeTextDocumentParams").
 */
export interface LspPos {
  line: number;
  character: number;
}
export interface LspRange {
  start: LspPos;
  end: LspPos;
}
export interface RangeEdit {
  range: LspRange;
  newText: string;
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (ch === '\r' && text[i + 1] === '\n') i++;
    if (ch === '\r' || ch === '\n') starts.push(i + 1);
  }
  return starts;
}

/** Where a line's content ends: before its line break. */
function contentEnd(text: string, starts: number[], line: number): number {
  let end = line + 1 < starts.length ? starts[line + 1] : text.length;
  while (end > starts[line] && (text[end - 1] === '\n' || text[end - 1] === '\r')) end--;
  return end;
}

export function offsetOfPos(text: string, p: LspPos): number {
  const starts = lineStarts(text);
  if (p.line >= starts.length) return text.length;
  if (p.line < 0) return 0;
  return Math.min(starts[p.line] + Math.max(0, p.character), contentEnd(text, starts, p.line));
}

/** The position of an offset; one inside a \r\n pair is the end of its line's content. */
export function posOfOffset(text: string, offset: number): LspPos {
  const starts = lineStarts(text);
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return { line, character: Math.min(offset, contentEnd(text, starts, line)) - starts[line] };
}

export function lineCount(text: string): number {
  return lineStarts(text).length;
}

/** Whether a position names a place in the text (no clamping needed). */
export function posInside(text: string, p: LspPos): boolean {
  const starts = lineStarts(text);
  return p.line >= 0 && p.line < starts.length && p.character >= 0 && starts[p.line] + p.character <= contentEnd(text, starts, p.line);
}

export function wholeRange(text: string): LspRange {
  return { start: { line: 0, character: 0 }, end: posOfOffset(text, text.length) };
}

/** One content change, as the server's TextDocument applies it. */
export function applyRangeEdit(text: string, e: RangeEdit): string {
  const start = offsetOfPos(text, e.range.start);
  const end = Math.max(start, offsetOfPos(text, e.range.end));
  return text.slice(0, start) + e.newText + text.slice(end);
}

/**
 * Edits that all refer to the same text (a TextEdit[] from a completion item or a quick fix), as one didChange:
 * the last one first, so each range still means what it meant in the original text. Returns the changes and the text.
 */
export function sequentialChanges(text: string, edits: readonly RangeEdit[]): { changes: RangeEdit[]; text: string } {
  const ordered = [...edits].sort((a, b) => offsetOfPos(text, b.range.start) - offsetOfPos(text, a.range.start));
  let out = text;
  for (const e of ordered) out = applyRangeEdit(out, e);
  return { changes: ordered, text: out };
}
