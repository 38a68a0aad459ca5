/**
 * Every name a source file of the workspaces declares and exports, read with the TypeScript compiler's parser
 * (no type checking, so it is fast). Re-exports (`export … from`, `export { x }` of an imported x) are not
 * declarations: they hand on one thing under its own name. Used by names.test.ts ("no two exports share a name",
 * ARCHITECTURE.md) and runnable on its own: `node --import tsx test/names/exportedNames.ts` lists duplicates.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';

export const repoRoot = join(import.meta.dirname, '..', '..');
/** Source folders of the workspaces: what is shipped (tests and scripts are not a public face). */
export const sourceRoots = ['schema/src', 'schema/source', 'language-server/src', 'agent-bridge/src', 'cluster/src', 'gate/src', 'extension/src'];

function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? tsFiles(p) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

const exported = (n: ts.Node) => ts.canHaveModifiers(n) && (ts.getModifiers(n) ?? []).some((m) => m.kind === ts.SyntaxKind.ExportKeyword);

/** The names `file` declares and exports (`export default` counts as "default" and is ignored). */
export function declaredExports(text: string, fileName: string): string[] {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const locals = new Set<string>();
  const names: string[] = [];
  for (const s of sf.statements) {
    const name = (ts.isFunctionDeclaration(s) || ts.isClassDeclaration(s) || ts.isInterfaceDeclaration(s) || ts.isTypeAliasDeclaration(s) || ts.isEnumDeclaration(s) || ts.isModuleDeclaration(s)) && s.name ? [s.name.getText(sf)] : ts.isVariableStatement(s) ? s.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : [])) : [];
    for (const n of name) locals.add(n);
    if (exported(s)) names.push(...name);
  }
  // `export { a, b as c }` without `from`: only names declared in this file are its own.
  for (const s of sf.statements) {
    if (!ts.isExportDeclaration(s) || s.moduleSpecifier || !s.exportClause || !ts.isNamedExports(s.exportClause)) continue;
    for (const e of s.exportClause.elements) if (locals.has((e.propertyName ?? e.name).text)) names.push(e.name.text);
  }
  return [...new Set(names)];
}

/** name → the files (relative to the repo) that declare and export it. */
export function exportedNames(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const root of sourceRoots) {
    for (const file of tsFiles(join(repoRoot, root))) {
      const rel = relative(repoRoot, file);
      for (const name of declaredExports(readFileSync(file, 'utf8'), rel)) out.set(name, [...(out.get(name) ?? []), rel]);
    }
  }
  return out;
}

/** Exported functions, consts and classes whose name no other file (source, test, script, bench) mentions. */
export function unusedValueExports(): string[] {
  const skipDirs = new Set(['node_modules', 'out', 'dist', '.git', '.e2e-cache', 'test-artifacts']);
  const walk = (d: string): string[] => readdirSync(d, { withFileTypes: true }).flatMap((e) => (skipDirs.has(e.name) ? [] : e.isDirectory() ? walk(join(d, e.name)) : /\.(ts|mjs|cjs)$/.test(e.name) ? [join(d, e.name)] : []));
  const texts = walk(repoRoot).map((f) => [relative(repoRoot, f), readFileSync(f, 'utf8')] as const);
  const out: string[] = [];
  for (const [name, [file]] of exportedNames()) {
    const own = texts.find(([f]) => f === file)?.[1] ?? '';
    if (!new RegExp(`^export (async )?(function|const|let|class|enum) ${name}\\b`, 'm').test(own)) continue; // types name an API's parts
    const word = new RegExp(`\\b${name.replace(/\$/g, '\\$')}\\b`);
    if (!texts.some(([f, t]) => f !== file && word.test(t))) out.push(`${file}: ${name}`);
  }
  return out.sort();
}

export function duplicates(): [string, string[]][] {
  return [...exportedNames()].filter(([, files]) => files.length > 1).sort(([a], [b]) => a.localeCompare(b));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const d = duplicates();
  for (const [name, files] of d) console.log(`${name}: ${files.join(', ')}`);
  console.log(`${d.length} exported name(s) declared in more than one file`);
  process.exitCode = d.length > 0 ? 1 : 0;
}
