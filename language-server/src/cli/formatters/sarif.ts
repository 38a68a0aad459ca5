/**
 * `--format sarif`: SARIF 2.1.0 as GitHub code scanning ingests it (`github/codeql-action/upload-sarif`).
 * Rules carry id, shortDescription and helpUri; results carry ruleId, level, message and one physical
 * location with a relative artifact URI and a 1-based region (SARIF's endColumn is exclusive, like LSP's
 * end character + 1). Columns count UTF-16 code units, which the run declares via `columnKind`.
 * In GitHub Actions a file in the checkout is named relative to the repository root with `uriBaseId` "%SRCROOT%"
 * (as CodeQL writes it), which `originalUriBaseIds` resolves to the checkout; code scanning matches alerts to
 * repository files by that path (SARIF 2.1.0: artifactLocation.uriBaseId, run.originalUriBaseIds). Elsewhere
 * the working-directory path stays. A finding's related places (where a syntax error's parser gave up, the finding
 * being at the bracket never closed) are the result's relatedLocations, each with its message (SARIF 2.1.0:
 * result.relatedLocations).
 */
import type { Formatter } from './formatter';
import { pathToFileURL } from 'node:url';
import type { Diagnostic, Severity } from '../../core/types';
import { repositoryRelative } from './repositoryPath';
import { withoutRunnerCommands } from '../runnerCommands';

const srcRoot = '%SRCROOT%';

const level: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export const sarif: Formatter = {
  format(results, ctx) {
    const ruleIds = [...new Set(results.flatMap((r) => r.diagnostics.map((d) => d.ruleId)))].sort();
    const ruleIndex = new Map(ruleIds.map((id, i) => [id, i]));
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [
        {
          tool: {
            driver: {
              name: 'marathon-lint',
              version: ctx.version,
              informationUri: 'https://github.com/marathon-devtools/marathon-devtools',
              rules: ruleIds.map((id) => ({
                id,
                shortDescription: { text: ctx.ruleSummary(id) },
                helpUri: ctx.ruleHelpUri(id),
              })),
            },
          },
          // Inputs a missing path or a broken config kept from being linted are in no result: without this, a log read
          // alone (uploaded whatever the exit status) says "no alerts" for them (SARIF 2.1.0: run.invocations,
          // invocation.toolExecutionNotifications).
          ...(ctx.inputErrors?.length ? { invocations: [{ executionSuccessful: false, toolExecutionNotifications: ctx.inputErrors.map((text) => ({ level: 'error', message: { text } })) }] } : {}),
          ...(ctx.repository ? { originalUriBaseIds: { [srcRoot]: { uri: directoryUri(ctx.repository.root) } } } : {}),
          columnKind: 'utf16CodeUnits',
          ...(ctx.profiles ? { properties: { profiles: ctx.profiles.map(({ values, cluster, clusterVersion }) => ({ ...values, cluster, clusterVersion })) } } : {}),
          results: results.flatMap((r) => {
            const inRepo = repositoryRelative(r.file, ctx);
            const artifactLocation = inRepo === undefined ? { uri: toUri(r.file) } : { uri: toUri(inRepo), uriBaseId: srcRoot };
            return r.diagnostics.map((d) => result(artifactLocation, d, ruleIndex.get(d.ruleId)!));
          }),
        },
      ],
    };
    return withoutRunnerCommands(JSON.stringify(log, null, 2)) + '\n';
  },
};

function region({ start, end }: Diagnostic['range']) {
  const startColumn = start.character + 1;
  // An empty range would be an invisible annotation; widen it to one character.
  const endColumn = end.line === start.line && end.character <= start.character ? startColumn + 1 : end.character + 1;
  return { startLine: start.line + 1, startColumn, endLine: Math.max(end.line, start.line) + 1, endColumn };
}

function result(artifactLocation: { uri: string; uriBaseId?: string }, d: Diagnostic, ruleIndex: number) {
  return {
    ruleId: d.ruleId,
    ruleIndex,
    level: level[d.severity],
    message: { text: d.message },
    locations: [{ physicalLocation: { artifactLocation, region: region(d.range) } }],
    ...(d.related?.length
      ? { relatedLocations: d.related.map((r, i) => ({ id: i + 1, physicalLocation: { artifactLocation, region: region(r.range) }, message: { text: r.message } })) }
      : {}),
    ...(d.pointer ? { properties: { pointer: d.pointer } } : {}),
  };
}

/** A relative URI reference: each path segment percent-encoded, separators kept. */
function toUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

/** A base URI must end with "/" (SARIF 2.1.0, run.originalUriBaseIds) for relative references to resolve inside it. */
function directoryUri(dir: string): string {
  const uri = pathToFileURL(dir).href;
  return uri.endsWith('/') ? uri : `${uri}/`;
}
