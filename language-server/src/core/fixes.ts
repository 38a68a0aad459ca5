/**
 * Quick fixes: pointer edits → text edits. jsonc-parser's `modify` does the JSON surgery, formatted like the
 * document (indentation and line endings inferred), so a fix looks as if the author had typed it.
 */
import * as jsonc from 'jsonc-parser';
import { LineIndex } from './lineIndex';
import { pointerTokens, valueAt } from './pointer';
import type { Fix, PointerEdit, TextEdit } from './types';

/** Indentation of the document: the first indented line decides (tabs, or the smallest space step). */
function inferFormatting(text: string): jsonc.FormattingOptions {
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sample = text.slice(0, 65536);
  if (/^\t/m.test(sample)) return { insertSpaces: false, tabSize: 4, eol };
  let step = 0;
  for (const m of sample.matchAll(/^( +)\S/gm)) {
    if (step === 0 || m[1].length < step) step = m[1].length;
    if (step === 1) break;
  }
  return { insertSpaces: true, tabSize: step || 2, eol };
}

function parseLoose(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    try {
      return jsonc.parse(text);
    } catch {
      return undefined;
    }
  }
}

/** jsonc path for a pointer: array indices must be numbers ("-" = append). */
function toPath(root: unknown, pointer: string): jsonc.JSONPath {
  const tokens = pointerTokens(pointer);
  const path: jsonc.JSONPath = [];
  let v: unknown = root;
  for (const t of tokens) {
    if (Array.isArray(v)) {
      const i = t === '-' ? -1 : Number(t);
      path.push(i);
      v = i >= 0 ? v[i] : undefined;
    } else {
      path.push(t);
      v = typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[t] : undefined;
    }
  }
  return path;
}

/** Replaces just the key's text (quotes included); the value, comments and layout are left alone. */
function renameKey(text: string, path: jsonc.JSONPath, to: string): string {
  const tree = jsonc.parseTree(text);
  const key = tree && jsonc.findNodeAtLocation(tree, path)?.parent?.children?.[0];
  if (!key || key.type !== 'string') return text;
  return text.slice(0, key.offset) + JSON.stringify(to) + text.slice(key.offset + key.length);
}

/**
 * Removes a property or array item and the separator that went with it, and nothing else: jsonc's `modify`
 * would reformat the whole enclosing object, undoing the author's layout (a one-line object becomes ten).
 */
function removeNode(text: string, path: jsonc.JSONPath): string | undefined {
  const tree = jsonc.parseTree(text);
  const value = tree && jsonc.findNodeAtLocation(tree, path);
  if (!value?.parent) return undefined;
  const node = value.parent.type === 'property' ? value.parent : value; // the property, or the array item
  const container = node.parent;
  if (!container?.children) return undefined;
  const i = container.children.indexOf(node);
  const next = container.children[i + 1];
  const prev = container.children[i - 1];
  let start: number;
  let end: number;
  if (next) [start, end] = [node.offset, next.offset]; // `"a": 1, ` up to the next key
  else if (prev) [start, end] = [prev.offset + prev.length, node.offset + node.length]; // `, "b": 2` after the previous one
  else [start, end] = [container.offset + 1, container.offset + container.length - 1]; // the only one: `{}` / `[]`
  return text.slice(0, start) + text.slice(end);
}

/** A value on one line, spaced as people write it: `{ "a": 1, "b": [1, 2] }` (built, not regex-edited: strings stay as they are). */
function inlineJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(inlineJson).join(', ')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return entries.length === 0 ? '{}' : `{ ${entries.map(([k, v]) => `${JSON.stringify(k)}: ${inlineJson(v)}`).join(', ')} }`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Adds a property to an object written on one line, on that line: jsonc's `modify` would reformat the enclosing
 * value (a one-line volume becomes ten lines). Undefined when the object spans lines (`modify` indents well there)
 * or already has the key.
 */
function addToOneLineObject(text: string, path: jsonc.JSONPath, value: unknown): string | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  const tree = jsonc.parseTree(text);
  const object = tree && jsonc.findNodeAtLocation(tree, path.slice(0, -1));
  if (object?.type !== 'object') return undefined;
  if (/[\r\n]/.test(text.slice(object.offset, object.offset + object.length))) return undefined;
  const props = object.children ?? [];
  if (props.some((p) => p.children?.[0]?.value === key)) return undefined;
  const entry = `${JSON.stringify(key)}: ${inlineJson(value)}`;
  if (props.length === 0) return text.slice(0, object.offset) + `{ ${entry} }` + text.slice(object.offset + object.length);
  const last = props[props.length - 1];
  const at = last.offset + last.length;
  return text.slice(0, at) + `, ${entry}` + text.slice(at);
}

function applyOne(text: string, edit: PointerEdit, formattingOptions: jsonc.FormattingOptions): string {
  const root = parseLoose(text);
  const path = toPath(root, edit.pointer);
  if (edit.op === 'rename') return renameKey(text, path, edit.to);
  if (edit.op === 'remove') {
    const removed = removeNode(text, path);
    if (removed !== undefined) return removed;
  }
  const parent = valueAt(root, edit.pointer.slice(0, Math.max(0, edit.pointer.lastIndexOf('/'))));
  const isArrayInsertion = edit.op === 'add' && Array.isArray(parent);
  const value = edit.op === 'remove' ? undefined : edit.value;
  if (edit.op === 'add' && !isArrayInsertion) {
    const added = addToOneLineObject(text, path, value);
    if (added !== undefined) return added;
  }
  try {
    return jsonc.applyEdits(text, jsonc.modify(text, path, value, { formattingOptions, isArrayInsertion }));
  } catch {
    return text; // the pointer no longer fits the document (it changed since the lint): leave it alone
  }
}

/**
 * The text edits that apply `fix` to `text`: one edit covering the changed region (edits of one fix may
 * overlap or shift each other, so they are applied in turn and then diffed against the original).
 */
export function fixToTextEdits(text: string, fix: Fix): TextEdit[] {
  const base = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const options = inferFormatting(base);
  let next = base;
  for (const e of fix.edits) next = applyOne(next, e, options);
  if (next === base) return [];
  let start = 0;
  while (start < base.length && start < next.length && base.charCodeAt(start) === next.charCodeAt(start)) start++;
  let endBase = base.length;
  let endNext = next.length;
  while (endBase > start && endNext > start && base.charCodeAt(endBase - 1) === next.charCodeAt(endNext - 1)) {
    endBase--;
    endNext--;
  }
  const lines = new LineIndex(base);
  return [{ range: { start: lines.positionAt(start), end: lines.positionAt(endBase) }, newText: next.slice(start, endNext) }];
}

/** Applies LSP-style text edits (non-overlapping, any order) to `text`. */
export function applyTextEdits(text: string, edits: readonly TextEdit[]): string {
  const lines = new LineIndex(text);
  const spans = edits
    .map((e) => ({ start: lines.offsetAt(e.range.start), end: lines.offsetAt(e.range.end), newText: e.newText }))
    .sort((a, b) => b.start - a.start);
  let out = text;
  for (const s of spans) out = out.slice(0, s.start) + s.newText + out.slice(s.end);
  return out;
}
