/**
 * marathon-lint: read → parse → lint → format. A thin adapter over the engine (`src/index.ts`);
 * everything here is about files, options and output, never about Marathon. Returns the exit status
 * instead of exiting, so it can be driven in-process.
 */
import { printable } from './printable';
import { resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { formatters } from './formatters/index';
import type { FormatContext } from './formatters/formatter';
import { parseCliArgs } from './args';
import { helpText } from './help';
import { gitCheckoutRoot } from './gitCheckout';
import { discover } from './discover';
import { ConfigResolver } from './configLookup';
import { lintTargets } from './lintTargets';
import { ruleHelpUri, ruleSummary } from './ruleInfo';
import { exitStatus } from './exitStatus';
import { version } from '../../package.json';
import type { ClusterSnapshot } from '../live/clusterSnapshot';
import { describeProfile, liveProfile, profileKeys, type LiveProfile } from '../live/liveProfile';
import type { Profile } from '../core/profile';

export interface CliIo {
  /** The working directory; '' when it no longer exists (only --help and --version run then). */
  cwd: string;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadableStream;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // Error lines name files: their control characters are escaped like stylish does (printable.ts).
  const fail = (msg: string) => io.stderr.write(`marathon-lint: error: ${printable(msg)}\n`);
  const parsed = parseCliArgs(argv);
  if (!parsed.ok) {
    fail(parsed.message);
    io.stderr.write(`Run 'marathon-lint --help' for usage.\n`);
    return 2;
  }
  const opts = parsed.options;
  if (opts.help) {
    io.stdout.write(helpText);
    return 0;
  }
  if (opts.version) {
    io.stdout.write(`${version}\n`);
    return 0;
  }
  if (opts.inputs.length === 0) {
    fail('no input: give files, directories, quoted globs, or - to read stdin');
    io.stderr.write(`Run 'marathon-lint --help' for usage.\n`);
    return 2;
  }

  if (io.cwd === '') {
    fail('the working directory no longer exists (it was removed after the shell entered it): cd to an existing directory and run marathon-lint again');
    return 2;
  }

  // Asked for a cluster: read it first, and stop with one line if it cannot be read (never a silent offline lint).
  // The live profile needs only /v2/info; the deployed root group is awaited when the files have been linted alone.
  // A blank MARATHON_URL is an unset one (as a shell's `MARATHON_URL= cmd` means).
  const marathonUrl = opts.marathon ?? (io.env.MARATHON_URL?.trim() || undefined);
  if (marathonUrl === undefined && opts.clusterFlags.length > 0) {
    // Linting offline while the user believes the cluster was asked would be a silent wrong answer.
    fail(`${opts.clusterFlags.join(', ')} ${opts.clusterFlags.length > 1 ? 'are' : 'is'} for reading a cluster, but none is named: give --marathon <url> (or set MARATHON_URL), or drop ${opts.clusterFlags.length > 1 ? 'them' : 'it'}`);
    io.stderr.write(`Run 'marathon-lint --help' for usage.\n`);
    return 2;
  }
  let snapshot: { url: string; info: unknown; rootGroup: Promise<unknown> } | undefined;
  let rootGroupFailure: string | undefined;
  if (marathonUrl !== undefined) {
    // Loaded only here: the HTTP client (undici) costs an offline run ~30 ms of startup for nothing.
    const { clientFor, clusterFailure, startSnapshot } = await import('../live/clusterSnapshot');
    try {
      const client = clientFor({ url: marathonUrl, tokenFile: opts.marathonTokenFile, credentialsFile: opts.marathonCredentialsFile, caFile: opts.marathonCa, timeoutSeconds: opts.marathonTimeout });
      const reads = startSnapshot(client);
      const rootGroup = reads.rootGroup.then(
        (g) => g,
        (err) => {
          rootGroupFailure = clusterFailure(err);
          throw err;
        },
      );
      // Drop the sockets once both answers are in (a graceful close cost ~200 ms at exit). Either may come last: an
      // empty cluster's root group can beat a slow /v2/info, whose read a destroy would cut short.
      void Promise.allSettled([reads.info, rootGroup]).then(() => client.destroy().catch(() => undefined));
      snapshot = { url: client.url, info: await reads.info, rootGroup };
    } catch (err) {
      fail(`cannot read the cluster: ${clusterFailure(err)}`);
      return 2;
    }
  }

  const found = discover(opts.inputs, io.cwd, opts.stdinFilename);
  const live = snapshot !== undefined;
  const configs = new ConfigResolver(io.cwd, opts.config ? { path: resolve(io.cwd, opts.config), given: opts.config } : undefined, live ? undefined : opts.marathonVersion);
  const profiles = new Map<Profile, LiveProfile>();
  const profileFor = (base: Profile, fromConfig: boolean): Profile => {
    let p = profiles.get(base);
    if (!p) profiles.set(base, (p = liveProfile(base, fromConfig, { url: snapshot!.url, info: snapshot!.info }, opts.marathonVersion ? { marathonVersion: opts.marathonVersion } : {})));
    return p.profile;
  };
  let run: Awaited<ReturnType<typeof lintTargets>>;
  try {
    run = await lintTargets(found.targets, {
      cwd: io.cwd,
      kind: opts.kind,
      configs,
      stdin: io.stdin,
      stderr: io.stderr,
      ...(live ? { profileFor, deployed: snapshot!.rootGroup } : {}),
    });
    if (live) await snapshot!.rootGroup; // read even when no file got as far as needing it
  } catch (err) {
    if (rootGroupFailure === undefined) throw err;
    fail(`cannot read the cluster: ${rootGroupFailure}`);
    return 2;
  }

  const results = opts.quiet ? run.results.map((r) => ({ ...r, diagnostics: r.diagnostics.filter((d) => d.severity === 'error') })) : run.results;
  const errors = [...found.errors, ...run.errors];
  const ctx: FormatContext = { color: useColor(opts.color, io), version: version, ruleSummary, ruleHelpUri, inputErrors: errors, configsChecked: run.configsChecked, ignoredNamed: run.ignored.length, ignoredFound: run.ignoredFound, ...repositoryOf(io, opts.format) };
  // Which profile judged the files, and where each value came from (one per distinct config).
  if (live) ctx.profiles = [...profiles.values()].map((p) => ({ summary: describeProfile(p), values: Object.fromEntries(profileKeys.map((k) => [k, { value: p.profile[k], source: p.sources[k] }])), cluster: p.cluster, clusterVersion: p.clusterVersion }));
  io.stdout.write(formatters[opts.format].format(results, ctx));

  for (const w of configs.warnings) io.stderr.write(`marathon-lint: warning: ${printable(w)}\n`);
  for (const n of run.ignored) io.stderr.write(`marathon-lint: ${printable(n)}\n`);
  // Every format, not only stylish's profile line: a cluster whose version was passed over must not go unnoticed.
  for (const problem of new Set([...profiles.values()].map((p) => p.clusterProblem).filter((x) => x !== undefined)))
    io.stderr.write(`marathon-lint: warning: ${printable(`${snapshot!.url.replace(/\/+$/, '')}/v2/info: ${problem}`)}\n`);
  for (const e of errors) fail(e);
  const status = exitStatus(run.results, errors.length, opts.maxWarnings);
  if (status.note) io.stderr.write(`marathon-lint: ${status.note}\n`);
  return status.code;
}

function useColor(flag: boolean | undefined, io: CliIo): boolean {
  if (flag !== undefined) return flag;
  if (io.env.NO_COLOR) return false;
  // FORCE_COLOR=0 (or false) turns colours off, as in Node and chalk: on a terminal it used to leave them on.
  // Empty is unset, like NO_COLOR's.
  if (io.env.FORCE_COLOR) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return (io.stdout as NodeJS.WriteStream).isTTY === true && io.env.TERM !== 'dumb';
}

/**
 * The checkout files are named from: in GitHub Actions the workspace, for `github` and `sarif`; elsewhere, for
 * `sarif` only, the git checkout around the working directory (`github` annotations exist only in Actions).
 */
function repositoryOf(io: CliIo, format: string): Pick<FormatContext, 'repository'> {
  const inActions = githubRepository(io);
  if (inActions.repository || format !== 'sarif') return inActions;
  const root = gitCheckoutRoot(io.cwd);
  return root ? { repository: { root, cwd: io.cwd } } : {};
}

/** In GitHub Actions, the checkout (GITHUB_WORKSPACE) that `github` and `sarif` name files from; blank is unset. */
function githubRepository(io: CliIo): Pick<FormatContext, 'repository'> {
  const workspace = io.env.GITHUB_WORKSPACE?.trim();
  if (!workspace) return {};
  const root = resolve(io.cwd, workspace);
  let real = root;
  try {
    real = realpathSync(root); // the working directory is a real path; a symlinked workspace would not prefix it
  } catch {
    // a workspace that does not exist leaves the path as given: no file is inside it
  }
  return { repository: { root: real, cwd: io.cwd } };
}
