/**
 * What a document is, the one answer for the CLI, the language server and the extension: a top-level
 * `$schema` naming one of our published schemas wins; otherwise the shape decides (the same tests the corpus
 * INDEX used to classify files). A JSON array is a batch of apps, the body of `PUT /v2/apps`
 * (../shared/reference/marathon-api.md §4), when one of its elements is a Marathon definition.
 */
import { isObject } from '../model/documentModel';
import { documentSchemaFiles } from '@marathon-devtools/schema/schemaIds';
import type { DocumentKind } from './types';


/** The kind a `$schema` value names (matched by the published file name at the end of the URL), e.g. ".../marathon-pod.schema.json" → pod; undefined for any other value. */
function kindFromSchemaRef(ref: unknown): DocumentKind | undefined {
  if (typeof ref !== 'string') return undefined;
  const file = ref.split(/[/#?]/).filter(Boolean).find((p) => p.endsWith('.schema.json'));
  for (const [kind, name] of Object.entries(documentSchemaFiles)) if (file === name) return kind as DocumentKind;
  return undefined;
}

/**
 * A `$schema` naming a JSON Schema meta-schema (json-schema.org) says the document is itself a schema: draft-04
 * schemas carry a top-level `"id"`, which the shape would take for an app's (Marathon's own docs hold such files).
 */
function isJsonSchema(root: Record<string, unknown>): boolean {
  return typeof root.$schema === 'string' && /^https?:\/\/json-schema\.org\//.test(root.$schema);
}

export function detectKind(root: unknown): DocumentKind {
  if (Array.isArray(root)) return isAppBatch(root) ? 'apps' : 'unknown';
  if (!isObject(root)) return kindByShape(root);
  if (isJsonSchema(root)) return 'unknown';
  return kindFromSchemaRef(root.$schema) ?? kindByShape(root);
}

/** The system that reads a document of this kind, as findings name it: Chronos for a job, Marathon for everything else. */
export type Reader = 'Marathon' | 'Chronos';

export function readerOf(kind: DocumentKind): Reader {
  return kind === 'chronos-job' ? 'Chronos' : 'Marathon';
}

const runFields = ['cmd', 'args', 'container'];

/**
 * A Marathon definition: what `PUT /v2/apps` is sent, or is mistakenly sent (a pod or a group among the apps, said so
 * per element). Not what Marathon answers: a deployment or a pod's status has an `id` too (marathon-api.md §8, §6), and
 * an object whose `id` is a number or an object is a data record (Marathon's ids are strings).
 */
const isMarathonDefinition = (v: unknown): boolean => {
  if (!isObject(v) || marathonAnswer(v) !== undefined) return false;
  if (v.id !== undefined && v.id !== null && typeof v.id !== 'string') return false;
  const k = detectKind(v);
  return k === 'app' || k === 'pod' || k === 'group';
};

/** Which list Marathon answered when an array holds this element: `GET /v2/deployments`, `GET /v2/pods/::status`. */
function marathonAnswer(v: Record<string, unknown>): 'deployments' | 'pod statuses' | undefined {
  if (Array.isArray(v.affectedApps) || Array.isArray(v.currentActions)) return 'deployments';
  if (isObject(v.spec) && 'statusSince' in v) return 'pod statuses';
  return undefined;
}

/**
 * Judged by what the array has, as an object is: one Marathon definition among its elements makes it a batch, whose
 * other elements are then each a finding. An empty array, strings, or Chronos jobs (Chronos takes one job per
 * request, chronos-job.md §1) are no batch: such a file is more often data than a request body.
 */
function isAppBatch(root: readonly unknown[]): boolean {
  return root.some(isMarathonDefinition);
}

/**
 * Order matters: a Chronos job has no `id` (its `name` is a string or null); a pod is told from an app by `containers`; a group has
 * `apps`/`groups`/`pods` (or `enforceRole`, `scaleBy`); anything else with an `id` or an app field is an app.
 */
function kindByShape(root: unknown): DocumentKind {
  if (!isObject(root)) return 'unknown';
  // A null name counts as a name: Chronos's JobDeserializer reads it as the text "null" and takes the job
  // (chronos-null-value says so), so the file is a job to lint, not an unknown document.
  if ((typeof root.name === 'string' || root.name === null) && 'command' in root && ('schedule' in root || 'parents' in root)) return 'chronos-job';
  if (Array.isArray(root.containers)) return 'pod';
  if (Array.isArray(root.apps) || Array.isArray(root.groups) || Array.isArray(root.pods)) return 'group';
  // The group fields an app never has: `enforceRole`, and `scaleBy` (a GroupUpdate that scales, group.raml).
  if ('enforceRole' in root || 'scaleBy' in root) return 'group';
  // Judged by what it has, never by what it lacks yet: `{"id": "/db/postgres"}` while being typed is an app
  // to be (what a new file usually is), not an empty group.
  if ('id' in root || runFields.some((f) => f in root)) return 'app'; // an app with its id missing: still an app
  return 'unknown';
}

/** Explains why a document was not recognised and what would make it recognisable. */
export function unknownKindMessage(root: unknown): string {
  // `GET /v2/apps/{id}` answers {"app": AppInfo} (marathon-api.md §4): the definition is the inner object.
  if (isObject(root) && isObject(root.app) && Object.keys(root).length === 1) {
    return (
      'This document is a GET /v2/apps/{id} answer, {"app": {…}}, not an app definition: Marathon would not accept it as a request body. ' +
      'The app definition is the object under "app"; save that object on its own (e.g. `jq .app`) and lint it.'
    );
  }
  if (isObject(root) && isJsonSchema(root)) {
    return (
      `This document is a JSON Schema (its "$schema" is ${JSON.stringify(root.$schema)}), not a Marathon or Chronos definition, so it is not checked. ` +
      'If it is a definition, remove that "$schema" (or name one of ours, e.g. "https://marathon-devtools.github.io/schema/marathon-app.schema.json"); otherwise leave it out of linting (ignorePatterns in marathon-lint.config.json).'
    );
  }
  if (Array.isArray(root)) return unknownArrayMessage(root);
  const what = root === null ? 'null' : typeof root === 'object' ? 'an object without the expected fields' : `a JSON ${typeof root}`;
  return (
    `This document is ${what}, so it is not checked as a Marathon or Chronos definition. ` +
    'Expected one of: an app (an object with "id" and "cmd", "args" or "container"), a group ("id" with "apps" or "groups"), ' +
    'a pod ("id" with "containers") or a Chronos job ("name", "command" and "schedule" or "parents"). ' +
    'If this file is not a definition, leave it out of linting (ignorePatterns in marathon-lint.config.json); if it is, add the missing fields.'
  );
}

const leaveOut = 'If this file is not a definition, leave it out of linting (ignorePatterns in marathon-lint.config.json).';

/** Why an array is not a batch of apps (isAppBatch), and what would make it one. */
function unknownArrayMessage(root: readonly unknown[]): string {
  if (root.length === 0) {
    return (
      'This document is an empty JSON array: as the body of PUT /v2/apps (a batch of apps) it would update no app, so there is nothing to check. ' +
      `Add the apps, each an object with its "id" (e.g. [{"id": "/my/app", "instances": 2}]). ${leaveOut}`
    );
  }
  const answer = root.map((v) => (isObject(v) ? marathonAnswer(v) : undefined)).find((a) => a !== undefined);
  if (answer === 'deployments') {
    return (
      'This document is a GET /v2/deployments answer, a JSON array of deployments, not a definition: Marathon would not accept it as a request body, so it is not checked. ' +
      `The apps it deploys are linted from their own definitions (GET /v2/apps/{id}, then the object under "app"). ${leaveOut}`
    );
  }
  if (answer === 'pod statuses') {
    return (
      'This document is a GET /v2/pods/::status answer, a JSON array of pod statuses, not a definition: Marathon would not accept it as a request body, so it is not checked. ' +
      `Each pod's definition is the object under its "spec"; save that object on its own (e.g. \`jq '.[0].spec'\`) and lint it. ${leaveOut}`
    );
  }
  if (root.some((v) => isObject(v) && detectKind(v) === 'chronos-job')) {
    return (
      'This document is a JSON array of Chronos jobs, so it is not checked: Chronos takes one job per request (POST /v1/scheduler/iso8601 or /v1/scheduler/dependency), never an array. ' +
      `Save each job in a file of its own to lint it. ${leaveOut}`
    );
  }
  return (
    'This document is a JSON array whose elements are not Marathon definitions, so it is not checked. ' +
    'An array is checked as a batch of apps (the body of PUT /v2/apps) when its elements are apps, each an object with "id", a string such as "/my/app" (and "cmd", "args" or "container" for an app it creates). ' +
    leaveOut
  );
}
