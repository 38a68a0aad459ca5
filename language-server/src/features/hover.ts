/**
 * Hover: the field's description, type, default and allowed values (from the schema); and for every
 * finding under the cursor, its rule's summary and a link to the rule's docs.
 */
import type { Hover } from 'vscode-languageserver-types';
import type { Diagnostic } from '../core/types';
import type { EditorDocument } from './document';
import { nodeAtOffset, pathOf, type JsonNode } from './jsonTree';
import { fieldInfo, schemasAtPath } from '../model/schemaNavigator';
import { nodeRange } from './ranges';
import { parameterHover } from './dockerParameters';
import { allowedByRules } from './ruleHints';
import type { FeatureContext } from './context';

function contains(d: Diagnostic, line: number, character: number): boolean {
  const { start, end } = d.range;
  const afterStart = line > start.line || (line === start.line && character >= start.character);
  const beforeEnd = line < end.line || (line === end.line && character <= end.character);
  return afterStart && beforeEnd;
}

const fmt = (v: unknown) => '`' + JSON.stringify(v) + '`';

export function hover(doc: EditorDocument, offset: number, diagnostics: readonly Diagnostic[], ctx: FeatureContext): Hover | null {
  const node = nodeAtOffset(doc.tree, offset);
  const sections: string[] = [];
  let target: JsonNode | undefined;

  if (node && node.type !== 'object' && node.type !== 'array') {
    // Hovering a key or a scalar value: describe the property it belongs to.
    const isKey = node.parent?.type === 'property' && node.parent.children![0] === node;
    const path = node.type === 'property' ? [...pathOf(node), String(node.children![0].value)] : pathOf(node);
    const root = ctx.schemaFor(doc.kind);
    if (root && path.length > 0) {
      const info = fieldInfo(schemasAtPath(root, path, ctx.schemas));
      const lines: string[] = [];
      lines.push(`**${String(path[path.length - 1])}**${info.types.length ? ` — \`${info.types.join(' | ')}\`` : ''}${info.deprecated ? ' (deprecated)' : ''}`);
      if (info.description) lines.push(info.description);
      if (info.hasDefault) lines.push(`Default: ${fmt(info.default)}`);
      const narrowed = allowedByRules(doc.value, path);
      if (narrowed) lines.push(`Allowed here: ${narrowed.allowed.map(fmt).join(', ')}. ${narrowed.why}`);
      else if (info.enumValues.length) lines.push(`Allowed: ${info.enumValues.map(fmt).join(', ')}`);
      if (info.description || info.types.length || info.enumValues.length) sections.push(lines.join('\n\n'));
      const param = parameterHover(doc.value, path);
      if (param) sections.push(param);
    }
    target = isKey ? node.parent : node;
  }

  const pos = doc.lines.positionAt(offset);
  for (const d of diagnostics) {
    if (!contains(d, pos.line, pos.character)) continue;
    const meta = ctx.ruleMeta(d.ruleId);
    const summary = meta?.summary ?? d.message;
    sections.push(`**${d.ruleId}** (${d.severity}): ${summary}\n\n[Rule documentation](${d.docsUrl})`);
  }
  if (sections.length === 0) return null;
  return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: target ? nodeRange(doc, target) : undefined };
}
