/**
 * Completion from the JSON Schema of the document's kind (walked to the cursor's JSON path), plus what a
 * schema cannot know: dvdi drivers and their option keys, app ids of the same file for `dependencies`,
 * and snippets for values with a shape.
 */
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList, type Range } from 'vscode-languageserver-types';
import { collectApps } from '../model/documentModel';
import type { EditorDocument } from './document';
import { findNode, nodeAtOffset, pathOf, type JsonNode, type JsonPath } from './jsonTree';
import { fieldInfo, propertiesOf, schemasAtPath, type SchemaNode } from '../model/schemaNavigator';
import { constraintOperators, documentSkeletons, itemSnippets, valueSnippetForKey } from './snippets';
import { allowedByRules } from './ruleHints';
import { documentSchemaFiles } from '@marathon-devtools/schema/schemaIds';
import { parameterSuggestions } from './dockerParameters';
import { commaEdits, missingCommaAt } from './commaBefore';
import type { FeatureContext } from './context';
import { inComment } from './inComment';

type Where =
  | { at: 'key'; objectPath: JsonPath; object: JsonNode | undefined; replace?: JsonNode; hasColon: boolean }
  | { at: 'value'; path: JsonPath; replace?: JsonNode };

/** Where the cursor is: naming a property of an object, or giving a value at a path. */
function locate(doc: EditorDocument, offset: number): Where {
  const node = nodeAtOffset(doc.tree, offset);
  if (!node) return { at: 'value', path: [] };
  const parent = node.parent;
  if (node.type === 'string' && parent?.type === 'property' && parent.children![0] === node) {
    // At the key's opening quote the cursor is before the property, not in its key: a new property goes there
    // (replacing the key would rename the property the user typed, or give a skeleton its value).
    if (offset === node.offset) return { at: 'key', objectPath: pathOf(node).slice(0, -1), object: parent.parent, hasColon: false };
    return { at: 'key', objectPath: pathOf(node).slice(0, -1), object: parent.parent, replace: node, hasColon: parent.colonOffset !== undefined };
  }
  if (node.type === 'property') {
    const keyNode = node.children![0];
    // A key without its closing quote ends at its line's end: a cursor past it, on a later line, is at a new key
    // (replacing that key would span the line break and drop what the user typed there).
    if (node.colonOffset === undefined && offset > keyNode.offset + keyNode.length && !terminated(doc.text, keyNode)) {
      return { at: 'key', objectPath: pathOf(node), object: node.parent, hasColon: false };
    }
    const key = String(keyNode.value);
    if (node.colonOffset !== undefined && offset > node.colonOffset) return { at: 'value', path: [...pathOf(node), key] };
    return { at: 'key', objectPath: pathOf(node), object: node.parent, replace: node.children![0], hasColon: node.colonOffset !== undefined };
  }
  if ((node.type === 'object' || node.type === 'array') && offset > node.offset && (offset < node.offset + node.length || !closed(doc, node))) {
    if (node.type === 'object') return { at: 'key', objectPath: pathOf(node), object: node, hasColon: false };
    const index = node.children!.filter((c) => c.offset + c.length < offset).length;
    return { at: 'value', path: [...pathOf(node), index] };
  }
  return { at: 'value', path: pathOf(node), replace: node.type === 'object' || node.type === 'array' ? undefined : node };
}

/**
 * afterQuote: an item for a key or string value typed so far edits from after its opening quote, which stays, so
 * that what was typed is the start of the item's text. Neovim 0.7's omnifunc (the README's setup, no snippet engine)
 * keeps only items whose text starts with what was typed since the edit's start, or since the word before the cursor
 * for items with a filterText: an edit over the quote (`"instances": 1` for `"inst`) was never offered, and one
 * accepted after a bare `"` kept it (`""cmd"`). VS Code matches the same typed word against the label.
 *
 * The text an accepted item replaces: the node under the cursor. A string without its closing quote runs, as
 * jsonc-parser scans it, to the end of the line, over the `}` or `]` that close its object (`{"c|}`); then only
 * what the user is typing is replaced: the opening quote to the end of the word at the cursor.
 */
function replaceSpan(doc: EditorDocument, node: JsonNode, offset: number): { start: number; end: number } {
  const end = node.offset + node.length;
  if (node.type !== 'string' || (terminated(doc.text, node) && !borrowsQuote(doc.text, node))) return { start: node.offset, end };
  let wordEnd = Math.max(offset, node.offset + 1);
  while (wordEnd < end && !/[\s,:{}[\]]/.test(doc.text[wordEnd]) && !(doc.text[wordEnd] === '"' && doc.text[wordEnd - 1] !== '\\')) wordEnd++;
  return { start: node.offset, end: wordEnd };
}

/**
 * A string typed without its closing quote before more members on its line (`"cp|, "mem": 1`) is closed by the
 * scanner at the quote that opens the next string (`"cp, "`): right after that quote comes what cannot follow a
 * closed string (`mem"`: not white space, a colon, comma, bracket, quote, comment or the end). That quote is the
 * user's. A space or a quote after it (`"inst|" "cmd"`, `"me|""instances"`) is a string the user closed, before a
 * member that lacks its comma.
 */
function borrowsQuote(text: string, node: JsonNode): boolean {
  const after = text.charAt(node.offset + node.length);
  return after !== '' && !/[\s:,}\]"/]/.test(after);
}

/** Whether a string token ends with its closing quote (one not escaped by an odd run of backslashes). */
function terminated(text: string, node: JsonNode): boolean {
  let i = node.offset + node.length - 1;
  if (node.length < 2 || text[i] !== '"') return false;
  let backslashes = 0;
  while (text[--i] === '\\') backslashes++;
  return backslashes % 2 === 0;
}

/**
 * Whether the cursor is after the opening quote of the string `node` replaced over `span`, and not past its closing
 * quote (afterQuote). Right after a closing quote (`"ins"|`, typed or stepped over) what VS Code matches is the text
 * from the edit's start to the cursor: from after the opening quote that is `ins"`, in no label, and every item was
 * dropped; the edit then starts at the opening quote and is filtered by the quoted key, as VS Code's JSON service does.
 */
function inQuotes(doc: EditorDocument, node: JsonNode, span: { start: number; end: number }, offset: number): boolean {
  if (doc.text[span.start] !== '"' || offset <= span.start) return false;
  return !(offset >= span.end && span.end === node.offset + node.length && terminated(doc.text, node));
}

function spanRange(doc: EditorDocument, span: { start: number; end: number }): Range {
  return { start: doc.lines.positionAt(span.start), end: doc.lines.positionAt(span.end) };
}

function closed(doc: EditorDocument, node: JsonNode): boolean {
  const last = doc.text[node.offset + node.length - 1];
  return node.length > 1 && (last === '}' || last === ']');
}

function valueText(info: ReturnType<typeof fieldInfo>): string {
  if (info.enumValues.length > 0 && info.enumValues.every((v) => typeof v === 'string')) {
    const vals = info.enumValues as string[];
    const first = info.hasDefault && vals.includes(info.default as string) ? [info.default as string, ...vals.filter((v) => v !== info.default)] : vals;
    return `"\${1|${first.map((v) => v.replace(/[,|\\$}]/g, (c) => '\\' + c)).join(',')}|}"`;
  }
  const t = info.types[0];
  const dflt = info.hasDefault && info.default !== null && typeof info.default !== 'object' ? String(info.default) : undefined;
  switch (t) {
    case 'string':
      // `$1`, never an empty `${1:}`: the same tab stop, but Neovim 0.7's parse_snippet drops all after `${1:}`.
      return dflt ? `"\${1:${dflt.replace(/[$}\\]/g, (c) => '\\' + c)}}"` : '"$1"';
    case 'integer':
    case 'number':
      return `\${1:${dflt ?? '0'}}`;
    case 'boolean':
      return dflt === 'true' ? '${1|true,false|}' : '${1|false,true|}';
    case 'array':
      return '[$1]';
    case 'object':
      return '{$1}';
    default:
      return '$1';
  }
}

function docOf(s: SchemaNode): string | undefined {
  return typeof s.markdownDescription === 'string' ? s.markdownDescription : typeof s.description === 'string' ? s.description : undefined;
}

/**
 * "," when what follows the completed key (after `end`) is another property or value, as VS Code's JSON language
 * service adds it (`evaluateSeparatorAfter`); without it a key completed above an existing property left invalid
 * JSON. Nothing before `}`, `]`, a comma already there, or the end of the text. JSONC comments in between are
 * skipped like white space: a `// note` line above the next property still needs the comma (an unclosed `/*`
 * runs to the end of the text, so nothing follows it).
 */
function separatorAfter(text: string, end: number, limit: number): string {
  let i = end;
  for (;;) {
    while (i < text.length && /\s/.test(text[i])) i++;
    if (text.startsWith('//', i)) {
      // To the line break, as jsonc-parser's scanner ends a line comment.
      while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
    } else if (text.startsWith('/*', i)) {
      const close = text.indexOf('*/', i + 2);
      i = close < 0 ? text.length : close + 2;
    } else break;
  }
  return i < limit && /["{[\-0-9a-zA-Z]/.test(text[i]) ? ',' : '';
}

/**
 * Where the members of `container` end, for separatorAfter: a key or value past it belongs to an outer container,
 * and the closer left out above comes between (features/indentation.ts ends such a container where the layout
 * says). A container with its own closer ends with it (a `}` follows: nothing to separate).
 */
function membersEnd(doc: EditorDocument, container: JsonNode | undefined): number {
  return container && !closed(doc, container) ? container.offset + container.length : doc.text.length;
}

function keyItems(doc: EditorDocument, where: Extract<Where, { at: 'key' }>, ctx: FeatureContext, offset: number): CompletionItem[] {
  const root = ctx.schemaFor(doc.kind);
  const existing = new Set((where.object?.children ?? []).filter((p) => p.children![0] !== where.replace).map((p) => String(p.children![0].value)));
  const span = where.replace ? replaceSpan(doc, where.replace, offset) : undefined;
  const range: Range | undefined = span ? spanRange(doc, span) : undefined;
  // A key's items edit from after the opening quote the user typed, which stays (afterQuote).
  const inQuote = span !== undefined && inQuotes(doc, where.replace!, span, offset);
  const keyRange = inQuote ? spanRange(doc, { start: span.start + 1, end: span.end }) : range;
  // After a colon only the key is replaced: its value follows, and no comma goes between them. A key without its
  // closing quote swallows its colon into the string (`"heal|: []`): the colon after the word replaced counts too.
  const hasColon = where.hasColon || (span !== undefined && /^[ \t]*:/.test(doc.text.slice(span.end)));
  const separator = hasColon ? '' : separatorAfter(doc.text, span ? span.end : offset, membersEnd(doc, where.object));
  // After the last property, its comma not typed yet (commaBefore.ts).
  const start = span ? span.start : offset;
  const commaAt = missingCommaAt(doc.text, where.object, start);
  const { prefix, additionalTextEdits } = commaEdits(doc, commaAt, start);
  const keyComma = inQuote ? commaEdits(doc, commaAt, start + 1) : { prefix, additionalTextEdits };
  const path = where.objectPath;
  const insideContainer = path[path.length - 1] === 'container' || path.includes('container');
  const insideVolume = typeof path[path.length - 1] === 'number' && path[path.length - 2] === 'volumes';
  const items: CompletionItem[] = [];
  const push = (key: string, documentation: string | undefined, value: string | undefined, detail?: string) => {
    // Once per key: a driver's option key is also a schema property, and the driver's entry (first) says more.
    if (existing.has(key)) return;
    existing.add(key);
    // Snippet text: a `$` would start a variable (`"$schema"` inserted `""`), a `}` or a backslash an escape.
    const keyText = JSON.stringify(key).replace(/[$}\\]/g, (c) => '\\' + c);
    const text = hasColon || value === undefined ? keyText : `${keyText}: ${value}${separator}`;
    items.push({
      label: key,
      kind: CompletionItemKind.Property,
      detail,
      documentation: documentation ? { kind: 'markdown', value: documentation } : undefined,
      insertTextFormat: InsertTextFormat.Snippet,
      ...(keyRange ? { textEdit: { range: keyRange, newText: keyComma.prefix + (inQuote ? text.slice(1) : text) } } : { insertText: prefix + text }),
      ...(keyComma.additionalTextEdits ? { additionalTextEdits: keyComma.additionalTextEdits } : {}),
      // Typed after the quote, the label is the word to match; without an edit range, the key as it is written.
      ...(inQuote ? {} : { filterText: JSON.stringify(key) }),
    });
  };

  // external.options keys: dvdi/driver plus the chosen driver's known option keys (all drivers' when unknown).
  if (path[path.length - 1] === 'options' && path[path.length - 2] === 'external') {
    const opts = where.object ? objectValue(where.object) : {};
    const driver = typeof opts['dvdi/driver'] === 'string' ? opts['dvdi/driver'] : undefined;
    push('dvdi/driver', 'The Docker volume driver (plugin) the agent mounts this volume with.', `"\${1|${ctx.drivers.map((d) => d.name).join(',') || 'rexray'}|}"`, 'driver');
    for (const d of ctx.drivers) {
      if (driver && d.name !== driver) continue;
      for (const o of d.options) {
        const key = o.key.startsWith('dvdi/') ? o.key : `dvdi/${o.key}`;
        const value = o.valueKind === 'boolean' ? '"${1|true,false|}"' : '"$1"';
        push(key, o.description, value, d.name);
      }
    }
  }

  // An empty document: whole skeletons of each kind, so a new file starts from something that lints clean
  // (never for a key that has its colon: a skeleton is properties, not a key for the value that follows).
  if (path.length === 0 && !hasColon && [...existing].every((k) => k === '$schema')) {
    // Between the braces of a one-line `{}`: on lines of their own, indented, as the user would lay it out.
    const inline = where.object !== undefined && !doc.text.slice(where.object.offset, where.object.offset + where.object.length).includes('\n');
    // With only a `$schema` so far, the kind is the one it names (core/kind.ts): another kind's skeleton would be
    // judged as that kind and be all findings.
    for (const sk of documentSkeletons) {
      if (doc.kind !== 'unknown' && sk.kind !== doc.kind) continue;
      // Above a `$schema` the skeleton's last property needs its comma, as a completed key does.
      const text = prefix + (inline ? `\n\t${sk.body.replace(/\n/g, '\n\t')}${separator}\n` : sk.body + separator);
      items.push({
        label: sk.label,
        kind: CompletionItemKind.Snippet,
        detail: sk.detail,
        insertTextFormat: InsertTextFormat.Snippet,
        sortText: ' ' + sk.label,
        // Over a typed `"` (and the one VS Code closed it with) VS Code matches the text from the quote, `"`: the label
        // quoted, as a key's; without a range, the label as it is. Always one: with it, Neovim 0.7 takes the keys' edit
        // start, not this one over the quote (afterQuote).
        filterText: range ? JSON.stringify(sk.label) : sk.label,
        ...(range ? { textEdit: { range, newText: text } } : { insertText: text }),
        ...(additionalTextEdits ? { additionalTextEdits } : {}),
      });
    }
  }

  // `$schema` names the kind (core/kind.ts): ours, that kind's when the document already is one; no schema lists it.
  // Not the batch schema: a batch is an array, and an object naming it is judged one (as for the value, below).
  if (path.length === 0) {
    const ids = Object.entries(documentSchemaFiles)
      .filter(([kind]) => kind !== 'apps' && (doc.kind === 'unknown' || kind === doc.kind))
      .map(([, file]) => ctx.schemas.get(file)?.$id)
      .filter((id): id is string => typeof id === 'string');
    if (ids.length > 0) push('$schema', 'The JSON Schema this definition follows: it tells marathon-lint and the editor which kind it is (an app, a group, a pod or a Chronos job).', `"\${1|${ids.join(',')}|}"`, 'string');
  }

  if (root) {
    for (const [key, s] of propertiesOf(schemasAtPath(root, path, ctx.schemas))) {
      if (s.readOnly === true) continue; // echoed by GET, ignored on create: accepted, never suggested (schema/source/jsonSchema.ts)
      const info = fieldInfo(schemasAtPath(root, [...path, key], ctx.schemas));
      const shaped = valueSnippetForKey(key, insideContainer, insideVolume);
      push(key, docOf(s) ?? info.description, shaped ?? valueText(info), info.types.join(' | ') || undefined);
    }
  }
  return items;
}

function objectValue(node: JsonNode): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of node.children ?? []) if (p.children?.[1]) out[String(p.children[0].value)] = p.children[1].value;
  return out;
}

function valueItems(doc: EditorDocument, where: Extract<Where, { at: 'value' }>, ctx: FeatureContext, offset: number): CompletionItem[] {
  const path = where.path;
  const span = where.replace ? replaceSpan(doc, where.replace, offset) : undefined;
  const range = span ? spanRange(doc, span) : undefined;
  // A value typed above a further item or property brings its comma, as a completed key does (the whole document has none).
  const container = path.length === 0 ? undefined : findNode(doc.tree, path.slice(0, -1));
  const separator = path.length === 0 ? '' : separatorAfter(doc.text, span ? span.end : offset, membersEnd(doc, container));
  // An item after the array's last item, its comma not typed yet (commaBefore.ts).
  const start = span ? span.start : offset;
  const array = typeof path[path.length - 1] === 'number' ? container : undefined;
  const commaAt = missingCommaAt(doc.text, array, start);
  const { prefix, additionalTextEdits } = commaEdits(doc, commaAt, start);
  // In a string value typed so far, an item that is a string edits from after the opening quote too (afterQuote).
  const inQuote = span !== undefined && where.replace?.type === 'string' && inQuotes(doc, where.replace, span, offset);
  const quotedRange = inQuote ? spanRange(doc, { start: span.start + 1, end: span.end }) : undefined;
  const quotedComma = inQuote ? commaEdits(doc, commaAt, start + 1) : undefined;
  const items: CompletionItem[] = [];
  const seen = new Set<string>();
  const push = (label: string, value: string, kind: CompletionItemKind, detail?: string, documentation?: string, snippet = false) => {
    // Once per label and per text: an enum's default is offered as an enum member already (`"DOCKER"` was a second DOCKER).
    if (seen.has(label) || seen.has('\0' + value)) return;
    seen.add(label);
    seen.add('\0' + value);
    const base = {
      label,
      kind,
      detail,
      documentation: documentation ? { kind: 'markdown' as const, value: documentation } : undefined,
      insertTextFormat: snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    };
    if (quotedRange && quotedComma && value.startsWith('"')) {
      // The word to match is what follows the quote: the label, or the string itself when the label says it otherwise.
      const content = snippet ? label : (JSON.parse(value) as string);
      items.push({
        ...base,
        textEdit: { range: quotedRange, newText: quotedComma.prefix + value.slice(1) + separator },
        ...(quotedComma.additionalTextEdits ? { additionalTextEdits: quotedComma.additionalTextEdits } : {}),
        ...(content === label ? {} : { filterText: content }),
      });
      return;
    }
    const text = prefix + value + separator;
    items.push({
      ...base,
      ...(range ? { textEdit: { range, newText: text } } : { insertText: text }),
      ...(additionalTextEdits ? { additionalTextEdits } : {}),
      filterText: range && where.replace?.type === 'string' ? JSON.stringify(label) : undefined,
    });
  };
  const last = path[path.length - 1];
  const prev = path[path.length - 2];

  if (last === 'dvdi/driver') for (const d of ctx.drivers) push(d.name, JSON.stringify(d.name), CompletionItemKind.Value, 'dvdi driver', d.description);
  // container.docker.parameters: docker run flags as keys; drivers, volume and env forms as values.
  for (const sug of parameterSuggestions(doc.value, path)) push(sug.label, `"${sug.snippet}"`, CompletionItemKind.Value, sug.detail, sug.documentation, true);
  if (typeof last === 'number' && prev === 'dependencies') {
    for (const app of collectApps(doc.value, doc.kind)) {
      if (app.absoluteId) push(app.absoluteId, JSON.stringify(app.absoluteId), CompletionItemKind.Reference, 'app in this file');
    }
  }
  if (last === 1 && typeof prev === 'number' && path[path.length - 3] === 'constraints') {
    for (const op of constraintOperators) push(op, JSON.stringify(op), CompletionItemKind.EnumMember, 'constraint operator');
  }
  if (typeof last === 'number') {
    for (const s of itemSnippets(prev, path.includes('container'))) push(s.label, s.body, CompletionItemKind.Snippet, s.detail, undefined, true);
  }

  // `$schema`: our published schemas (by their $id), which also tell the server the document's kind.
  if (path.length === 1 && last === '$schema') {
    for (const [kind, file] of Object.entries(documentSchemaFiles)) {
      // A batch is an array, where no `$schema` can stand; named in an object it would only make that object wrong.
      if (kind === 'apps') continue;
      const id = ctx.schemas.get(file)?.$id;
      if (typeof id === 'string') push(id, JSON.stringify(id), CompletionItemKind.Value, `${kind} schema`);
    }
  }
  // The whole text is empty: a skeleton with its braces.
  if (path.length === 0 && doc.tree === undefined) {
    for (const sk of documentSkeletons) push(sk.label, `{\n\t${sk.body.replace(/\n/g, '\n\t')}\n}`, CompletionItemKind.Snippet, sk.detail, undefined, true);
  }

  const root = ctx.schemaFor(doc.kind);
  const narrowed = allowedByRules(doc.value, path);
  if (root) {
    const info = fieldInfo(schemasAtPath(root, path, ctx.schemas));
    if (narrowed) info.enumValues = info.enumValues.filter((v) => narrowed.allowed.includes(String(v)));
    for (const v of info.enumValues) push(String(v), JSON.stringify(v), CompletionItemKind.EnumMember, info.hasDefault && info.default === v ? 'default' : undefined, info.description);
    if (info.types.includes('boolean')) for (const b of [true, false]) push(String(b), String(b), CompletionItemKind.Value);
    if (info.hasDefault && (info.default === null || typeof info.default !== 'object')) {
      push(JSON.stringify(info.default), JSON.stringify(info.default), CompletionItemKind.Value, 'default');
    }
  }
  return items;
}

export function complete(doc: EditorDocument, offset: number, ctx: FeatureContext): CompletionList {
  if (inComment(doc.text, doc.tree, offset)) return { isIncomplete: false, items: [] };
  const where = locate(doc, offset);
  const items = where.at === 'key' ? keyItems(doc, where, ctx, offset) : valueItems(doc, where, ctx, offset);
  return { isIncomplete: false, items };
}
