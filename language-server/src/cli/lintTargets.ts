/**
 * read → profile → lint for every target, in order. One file's failure (unreadable, bad config, an
 * engine bug) becomes a message for that file and the others are still linted.
 */
import { dirname, posix } from 'node:path';
import { lint, lintTogether, type TogetherDocument } from '../index';
import type { Profile } from '../core/profile';
import type { Diagnostic, InvalidUtf8, LintResult } from '../core/types';
import type { ForcedKind } from './args';
import type { ConfigResolver } from './configLookup';
import { displayPath, type Target } from './discover';
import type { FileResult } from './formatters/formatter';
import { createProgress } from './progress';
import { readFileSource, readStdinSource } from '../project/readSource';
import { pathBelow } from '../project/pathBelow';

export interface LintRun {
  results: FileResult[];
  /** Read and config failures, one line each, already naming the file. */
  errors: string[];
  /** marathon-lint.config.json files named as inputs and found valid: checked, as the summary counts them. */
  configsChecked: number;
  /** Files named on the command line (or by --stdin-filename) that a config's ignorePatterns leave out, one line each. */
  ignored: string[];
  /** Files found by a directory walk or a glob that ignorePatterns leave out (not said one by one). */
  ignoredFound: number;
}

export interface LintTargetsOptions {
  cwd: string;
  kind?: ForcedKind;
  configs: ConfigResolver;
  stdin: NodeJS.ReadableStream;
  stderr: NodeJS.WritableStream;
  /** Turn a file's config profile into the one to lint with (the live profile); `fromConfig` false = defaults. */
  profileFor?: (profile: Profile, fromConfig: boolean) => Profile;
  /**
   * The deployed root group (GroupInfo) when linting against a cluster, or its read still under way: files are
   * then linted alone first and placed into it once it arrives. A failed read rejects the whole run.
   */
  deployed?: unknown;
}

const stdinName = '<stdin>';
const stdinHint = 'marathon-lint: reading a definition from standard input (Ctrl-D to end)';

export async function lintTargets(targets: readonly Target[], opts: LintTargetsOptions): Promise<LintRun> {
  const results: FileResult[] = [];
  const errors: string[] = [];
  // A bad config is reported once, with the files it kept from being linted, not once per file.
  const skippedByConfig = new Map<string[], string[]>();
  const progress = createProgress(opts.stderr, targets.length);
  // Files sharing a profile are linted together: one proposed root group (cross-file checks), placed into the
  // deployed one when there is a cluster.
  const batches = new Map<Profile, { file: string; text: string; kind?: ForcedKind; invalidUtf8?: InvalidUtf8; slot: number }[]>();
  // The config comes from the path as given (README, marathon-lint): a file reached by several paths (a symlink and
  // its target) is linted once per distinct profile their configs give, under the first such path, in any order.
  const linted = new Map<unknown, Set<string>>();
  const configsSeen = new Set<string>();
  let configsChecked = 0;
  const ignored: string[] = [];
  let ignoredFound = 0;
  // Files the governing config's ignorePatterns cannot reach (--config naming one elsewhere), by config file.
  const unreachable = new Map<string, string[]>();
  for (let i = 0; i < targets.length; i++) {
    const target = targets[i];
    const file = target.path === undefined ? stdinName : displayPath(opts.cwd, target.path);
    progress.tick(i, file);
    if (target.kind === 'config') {
      // A config named as an input is read as when found for a definition, and its errors reported with that
      // config's (below, once), whether or not definitions beside it are judged by it.
      if (configsSeen.has(target.real)) continue;
      configsSeen.add(target.real);
      const checked = opts.configs.forConfigFile(target.path);
      if (checked.ok) configsChecked++;
      else if (!skippedByConfig.has(checked.errors)) skippedByConfig.set(checked.errors, []);
      continue;
    }
    if (target.kind === 'stdin' && target.config) {
      // An editor's unsaved buffer of a config (--stdin-filename): checked as that config, as when it is named.
      const source = await readStdinSource(opts.stdin);
      const checked = source.ok ? opts.configs.forConfigText(target.path!, source.text) : { ok: false as const, errors: [`${file}: ${source.error}`] };
      if (checked.ok) configsChecked++;
      else errors.push(...checked.errors);
      continue;
    }
    const lookup = opts.configs.forDirectory(target.path === undefined ? opts.cwd : dirname(target.path));
    const pattern = lookup.ok && target.path !== undefined ? lookup.ignored?.(target.path) : undefined;
    if (lookup.ok && pattern !== undefined) {
      // Found by a walk or a glob, an ignored file is simply not there; named, the user is told why nothing came of it.
      const config = lookup.configFile === undefined ? 'the config' : displayPath(opts.cwd, lookup.configFile);
      if (target.kind === 'file' && !target.named) ignoredFound++;
      else ignored.push(`${file}: not linted: ${JSON.stringify(pattern)} in the ignorePatterns of ${config} leaves it out`);
      // The piped text is read to its end all the same (as ESLint does): left unread, an editor's buffer larger than
      // the pipe met a closed pipe, and the editor reported its failed write (EPIPE) instead of the clean run.
      if (target.kind === 'stdin') await readStdinSource(opts.stdin);
      continue;
    }
    if (lookup.ok && lookup.ignored && lookup.configFile !== undefined && target.path !== undefined && pathBelow(dirname(lookup.configFile), target.path) === undefined) {
      const files = unreachable.get(lookup.configFile) ?? [];
      if (!files.includes(file)) files.push(file);
      unreachable.set(lookup.configFile, files);
    }
    if (target.kind === 'file') {
      const key = lookup.ok ? profileKey(lookup.profile) : lookup;
      let files = linted.get(key);
      if (!files) linted.set(key, (files = new Set()));
      if (files.has(target.real)) continue;
      files.add(target.real);
    }
    // On a terminal `-` would otherwise wait in silence, looking hung; a pipe or a file gets no hint. It clears a
    // progress line (progress.ts) that may stand on a terminal stderr.
    if (target.kind === 'stdin' && (opts.stdin as NodeJS.ReadStream).isTTY === true)
      opts.stderr.write(`${(opts.stderr as NodeJS.WriteStream).isTTY === true ? '\r\x1b[K' : ''}${stdinHint}\n`);
    const source = target.kind === 'stdin' ? await readStdinSource(opts.stdin) : readFileSource(target.path);
    if (!source.ok) {
      errors.push(`${file}: ${source.error}`);
      continue;
    }
    if (!lookup.ok) {
      const skipped = skippedByConfig.get(lookup.errors) ?? [];
      skipped.push(file);
      skippedByConfig.set(lookup.errors, skipped);
      continue;
    }
    const profile = opts.profileFor ? opts.profileFor(lookup.profile, lookup.configFile !== undefined) : lookup.profile;
    let batch = batches.get(profile);
    if (!batch) batches.set(profile, (batch = []));
    batch.push({ file, text: source.text, kind: opts.kind, invalidUtf8: source.invalidUtf8, slot: results.length });
    results.push({ file, kind: 'unknown', diagnostics: [] });
  }
  for (const [profile, batch] of batches) {
    // With a cluster, the CPU work of linting each file alone overlaps the transfer of the root group.
    const alone = opts.deployed === undefined ? undefined : lintAlone(batch, profile);
    const deployed = await opts.deployed;
    const linted = lintBatch(batch, profile, deployed, alone);
    batch.forEach((b, i) => (results[b.slot] = { file: b.file, ...linted[i] }));
  }
  progress.done();
  for (const [configErrors, skipped] of skippedByConfig) {
    const shown = skipped.length <= 3 ? skipped.join(', ') : `${skipped.slice(0, 3).join(', ')} and ${skipped.length - 3} more`;
    errors.push(...configErrors);
    if (skipped.length > 0) errors.push(`not linted until the config above is fixed: ${shown}`);
  }
  for (const [configFile, files] of unreachable) opts.configs.warnings.push(patternsOutOfReach(opts.configs.shownName(configFile), files));
  return { results, errors, configsChecked, ignored, ignoredFound };
}

/**
 * ignorePatterns are relative to their config's directory (README), so a config given with --config from elsewhere
 * leaves nothing out of the files linted; silently, a package.json the user had listed was linted, and
 * unknown-kind's message sent them back to the pattern they had written.
 */
function patternsOutOfReach(config: string, files: readonly string[]): string {
  const dir = posix.dirname(config);
  const shown = files.length <= 3 ? files.join(', ') : `${files.slice(0, 3).join(', ')} and ${files.length - 3} more`;
  const them = files.length === 1 ? 'is not below it, so no pattern was tried on it' : 'are not below it, so no pattern was tried on them';
  return (
    `${config}: its ignorePatterns apply only to files below ${dir === '.' ? './' : dir.replace(/\/+$/, '') + '/'}, the config's directory, and ${shown} ${them}. ` +
    'Put the config in a directory above the files it is to leave out, or leave --config out to use the nearest marathon-lint.config.json above each file.'
  );
}

/** Equal for configs that judge alike: two files, or two spellings of one, giving the same profile. */
function profileKey(profile: Profile): string {
  const sortedKeys = (_: string, v: unknown) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v);
  return JSON.stringify(profile, sortedKeys);
}

/** Undefined when the engine threw: lintBatch then lints again and reports the failure. */
function lintAlone(batch: readonly TogetherDocument[], profile: Profile): LintResult[] | undefined {
  try {
    return batch.map((b) => lint(b.text, { kind: b.kind, profile, invalidUtf8: b.invalidUtf8 }));
  } catch {
    return undefined;
  }
}

function lintBatch(batch: readonly (TogetherDocument & { file: string })[], profile: Profile, deployed: unknown, alone?: LintResult[]): Pick<FileResult, 'kind' | 'diagnostics'>[] {
  try {
    // Named by the paths the report shows, so a finding about a part of another file can say which.
    const documents = batch.map((b) => ({ text: b.text, kind: b.kind, invalidUtf8: b.invalidUtf8, name: b.file }));
    return lintTogether(documents, { profile, deployed, alone }).map((r) => ({ kind: r.kind, diagnostics: byPosition(r.diagnostics) }));
  } catch (e) {
    // The engine promises never to throw; if it does, keep the run going and say so in the report.
    const message = `marathon-lint failed on this file (${(e as Error)?.message ?? e}); other files were still linted. Please report this with the file attached.`;
    const zero = { line: 0, character: 0 };
    return batch.map(() => ({
      kind: 'unknown' as const,
      diagnostics: [{ ruleId: 'internal-error', severity: 'error' as const, message, pointer: '', range: { start: zero, end: zero }, docsUrl: '' }],
    }));
  }
}

/** Stable: findings at the same position keep the engine's order. */
function byPosition(ds: Diagnostic[]): Diagnostic[] {
  return [...ds].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
}
