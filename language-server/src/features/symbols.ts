/**
 * Document symbols: groups, apps (and pods, Chronos jobs), their containers and volumes, as an outline.
 * Walks the tree with an explicit stack, so deeply nested groups cannot overflow.
 */
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver-types';
import type { EditorDocument } from './document';
import { propertyOf, type JsonNode } from './jsonTree';
import { nodeRange } from './ranges';

const MAX_SYMBOLS = 20_000; // an outline beyond this helps no one and costs the client

function stringProp(obj: JsonNode | undefined, key: string): string | undefined {
  const v = propertyOf(obj, key)?.children?.[1];
  return v?.type === 'string' ? String(v.value) : undefined;
}

function symbol(doc: EditorDocument, node: JsonNode, name: string, kind: SymbolKind, detail?: string): DocumentSymbol {
  const range = nodeRange(doc, node);
  const idNode = propertyOf(node, 'id') ?? propertyOf(node, 'name');
  return { name: name || '(no id)', kind, detail, range, selectionRange: idNode ? nodeRange(doc, idNode) : range, children: [] };
}

function arrayItems(obj: JsonNode | undefined, key: string): JsonNode[] {
  const arr = propertyOf(obj, key)?.children?.[1];
  return arr?.type === 'array' ? arr.children!.filter((n) => n.type === 'object') : [];
}

function containerSymbols(doc: EditorDocument, owner: JsonNode, parent: DocumentSymbol): void {
  const container = propertyOf(owner, 'container')?.children?.[1];
  if (container?.type === 'object') {
    const type = stringProp(container, 'type') ?? 'DOCKER';
    const image = stringProp(propertyOf(container, 'docker')?.children?.[1], 'image') ?? stringProp(container, 'image');
    const c = symbol(doc, container, 'container', SymbolKind.Module, image ? `${type} ${image}` : type);
    parent.children!.push(c);
    volumeSymbols(doc, container, c);
  }
  // Pods: containers[] with volumeMounts, and pod-level volumes[].
  for (const pc of arrayItems(owner, 'containers')) {
    const c = symbol(doc, pc, stringProp(pc, 'name') ?? 'container', SymbolKind.Module, stringProp(propertyOf(pc, 'image')?.children?.[1], 'id'));
    parent.children!.push(c);
  }
  if (parent.kind === SymbolKind.Class) volumeSymbols(doc, owner, parent);
}

function volumeSymbols(doc: EditorDocument, owner: JsonNode, parent: DocumentSymbol): void {
  for (const v of arrayItems(owner, 'volumes')) {
    const ext = propertyOf(v, 'external')?.children?.[1];
    const name = stringProp(ext, 'name') ?? stringProp(v, 'name') ?? stringProp(v, 'containerPath') ?? 'volume';
    const detail = ext ? `external ${stringProp(ext, 'provider') ?? ''}`.trim() : stringProp(v, 'containerPath');
    parent.children!.push(symbol(doc, v, name, SymbolKind.Field, detail));
  }
}

export function documentSymbols(doc: EditorDocument): DocumentSymbol[] {
  const root = doc.tree;
  if (root?.type !== 'object' && !(doc.kind === 'apps' && root?.type === 'array')) return [];
  let count = 0;
  const appSymbol = (node: JsonNode, kind: SymbolKind, detail: string): DocumentSymbol => {
    const s = symbol(doc, node, stringProp(node, 'id') ?? stringProp(node, 'name') ?? '', kind, detail);
    containerSymbols(doc, node, s);
    count++;
    return s;
  };
  if (doc.kind === 'app') return [appSymbol(root, SymbolKind.Class, 'app')];
  if (doc.kind === 'pod') return [appSymbol(root, SymbolKind.Class, 'pod')];
  if (doc.kind === 'chronos-job') return [appSymbol(root, SymbolKind.Class, 'Chronos job')];
  // Apps or pods of one list, up to the cap: a single group or batch can hold more than it.
  const services = (nodes: readonly JsonNode[], kind: 'app' | 'pod', into: DocumentSymbol[]): DocumentSymbol[] => {
    for (const n of nodes) {
      if (count >= MAX_SYMBOLS) break;
      if (n.type === 'object') into.push(appSymbol(n, SymbolKind.Class, kind));
    }
    return into;
  };
  // A batch of apps (PUT /v2/apps): one symbol per element, each read as an app.
  if (doc.kind === 'apps') return services(root.children ?? [], 'app', []);
  if (doc.kind !== 'group') return [];

  const top = symbol(doc, root, stringProp(root, 'id') ?? '/', SymbolKind.Namespace, 'group');
  const stack: { node: JsonNode; sym: DocumentSymbol }[] = [{ node: root, sym: top }];
  while (stack.length > 0 && count < MAX_SYMBOLS) {
    const { node, sym } = stack.pop()!;
    services(arrayItems(node, 'apps'), 'app', sym.children!);
    services(arrayItems(node, 'pods'), 'pod', sym.children!);
    for (const g of arrayItems(node, 'groups')) {
      const gs = symbol(doc, g, stringProp(g, 'id') ?? '', SymbolKind.Namespace, 'group');
      sym.children!.push(gs);
      stack.push({ node: g, sym: gs });
      count++;
    }
  }
  return [top];
}
