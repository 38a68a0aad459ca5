/** Lints every corpus file with the DC/OS reference profile and compares our verdict with the INDEX's. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lint, parseConfig, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { corpusDir, readCorpusIndex, type CorpusEntry } from './corpusIndex';

export interface Verdict extends CorpusEntry {
  ourKind: string;
  ourVerdict: 'valid' | 'invalid';
  errors: Diagnostic[];
  agrees: boolean;
}

export function dcosProfile(): Profile {
  const file = join(import.meta.dirname, 'dcos-profile.marathon-lint.config.json');
  const { profile, errors } = parseConfig(readFileSync(file, 'utf8'), file);
  if (errors.length > 0) throw new Error(`dcos profile fixture: ${errors.map((e) => e.message).join('; ')}`);
  return profile;
}

export function lintCorpus(): Verdict[] {
  const profile = dcosProfile();
  return readCorpusIndex().map((entry) => {
    const { kind, diagnostics } = lint(readFileSync(join(corpusDir, entry.file), 'utf8'), { profile, uri: entry.file });
    const errors = diagnostics.filter((d) => d.severity === 'error');
    const ourVerdict = errors.length === 0 ? 'valid' : 'invalid';
    const expected = entry.verdict === 'invalid' ? 'invalid' : 'valid'; // likely-valid counts as valid
    return { ...entry, ourKind: kind, ourVerdict, errors, agrees: ourVerdict === expected };
  });
}

/** Files listed in test/corpus-disagreements.md, with their stated reasons. */
export function listedDisagreements(): Map<string, string> {
  const text = readFileSync(join(import.meta.dirname, '..', 'corpus-disagreements.md'), 'utf8');
  const listed = new Map<string, string>();
  for (const line of text.split('\n')) {
    const m = /^\| `([^`]+)` \|[^|]*\|[^|]*\| (.*) \|\s*$/.exec(line);
    if (m) listed.set(m[1], m[2].trim());
  }
  return listed;
}
