/**
 * What a schema node says about itself in words (`description`, first of `examples`), looked up from an ajv error's
 * `schemaPath`, so messages can explain a pattern instead of printing only its regex.
 *
 * The precompiled validators compile some `$ref`'d definitions as functions of their own, and their errors carry a
 * schemaPath relative to that definition ("#/properties/name/pattern" for `#/definitions/network/properties/name`),
 * while inlined definitions keep the full path. So every node is indexed under both forms; a key that two nodes
 * with a different pattern or text share is dropped rather than guessed.
 */
import { documentSchemas } from '@marathon-devtools/schema';
import { escapePointerToken } from '../model/documentModel';
import type { DocumentKind } from './types';

export interface NodeText {
  pattern: string;
  description?: string;
  example?: string;
}

type SchemaKind = Exclude<DocumentKind, 'unknown'>;
/** Sub-trees holding data, not schemas: a `pattern` inside them is not a keyword. */
const dataKeywords = new Set(['enum', 'const', 'default', 'examples']);
const indexes = new Map<SchemaKind, Map<string, NodeText | null>>();

/** ajv's escaping of schema path segments (JSON pointer, then URI fragment). */
function segment(key: string): string {
  return encodeURIComponent(escapePointerToken(key));
}

function textOf(node: Record<string, unknown>, pattern: string): NodeText {
  const t: NodeText = { pattern };
  if (typeof node.description === 'string') t.description = node.description;
  if (Array.isArray(node.examples) && typeof node.examples[0] === 'string') t.example = node.examples[0];
  return t;
}

function add(index: Map<string, NodeText | null>, key: string, text: NodeText): void {
  const had = index.get(key);
  if (had === undefined) index.set(key, text);
  else if (had !== null && (had.pattern !== text.pattern || had.description !== text.description || had.example !== text.example)) index.set(key, null);
}

function buildIndex(schema: unknown): Map<string, NodeText | null> {
  const index = new Map<string, NodeText | null>();
  const walk = (node: unknown, path: string[]): void => {
    if (Array.isArray(node)) return node.forEach((n, i) => walk(n, [...path, String(i)]));
    if (typeof node !== 'object' || node === null) return;
    const obj = node as Record<string, unknown>;
    if (typeof obj.pattern === 'string') {
      const text = textOf(obj, obj.pattern);
      add(index, `#${path.map((p) => '/' + p).join('')}/pattern`, text);
      if (path[0] === 'definitions' && path.length > 2) add(index, `#${path.slice(2).map((p) => '/' + p).join('')}/pattern`, text);
    }
    for (const [k, v] of Object.entries(obj)) if (!dataKeywords.has(k)) walk(v, [...path, segment(k)]);
  };
  walk(schema, []);
  return index;
}

/**
 * The schema node with a `pattern` at schemaPath (ending in "/pattern") in the schema of this kind: its pattern,
 * description and example; undefined when there is none or the path is ambiguous.
 */
export function patternNodeText(kind: DocumentKind, schemaPath: string): NodeText | undefined {
  if (kind === 'unknown') return undefined;
  let index = indexes.get(kind);
  if (!index) indexes.set(kind, (index = buildIndex(documentSchemas[kind])));
  return index.get(schemaPath) ?? undefined;
}
