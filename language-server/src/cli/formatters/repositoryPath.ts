/**
 * Paths as GitHub reads them. In GitHub Actions (GITHUB_WORKSPACE, the checkout) annotations and code scanning
 * name files relative to the repository root, while marathon-lint names them relative to the working directory,
 * which a step's `working-directory` moves below the root. Outside Actions, and for files outside the
 * workspace or stdin, the working-directory path stays.
 */
import { resolve } from 'node:path';
import { pathBelow } from '../../project/pathBelow';
import type { FormatContext } from './formatter';

/** The file's path relative to the repository root (forward slashes), or undefined when there is none. */
export function repositoryRelative(file: string, ctx: FormatContext): string | undefined {
  const repo = ctx.repository;
  if (!repo || file === '<stdin>') return undefined;
  return pathBelow(repo.root, resolve(repo.cwd, file));
}
