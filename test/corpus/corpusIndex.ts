/** Reads ../shared/corpus/INDEX.md: each file's kind and Marathon 1.10 verdict, with the rule and message. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const repoRoot = join(import.meta.dirname, '..', '..');
export const corpusDir = join(repoRoot, '..', 'shared', 'corpus');

export interface CorpusEntry {
  /** Path relative to the corpus folder. */
  file: string;
  kind: string;
  verdict: 'valid' | 'likely-valid' | 'invalid' | 'unknown';
  /** The INDEX's "rule: Marathon message (path)" column, as written. */
  why: string;
}

export function readCorpusIndex(): CorpusEntry[] {
  const text = readFileSync(join(corpusDir, 'INDEX.md'), 'utf8');
  const entries: CorpusEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line.startsWith('| `')) continue;
    // | `file` | upstream | licence | kind | features | verdict | rule: message | notes |
    const cells = line.split(' | ');
    if (cells.length !== 8) throw new Error(`INDEX.md: cannot read the row ${line.slice(0, 80)}… (expected 8 cells, found ${cells.length})`);
    entries.push({ file: cells[0].replace(/^\| `|`$/g, ''), kind: cells[3].trim(), verdict: cells[5].trim() as CorpusEntry['verdict'], why: cells[6].trim() });
  }
  return entries;
}
