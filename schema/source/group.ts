/** A Marathon group update (`group.raml`, Marathon 1.10): apps and nested groups, deployed together. */
import { appDocumentDefinitions } from './app';
import { obj, readOnlyField, ref, type JsonSchema } from './jsonSchema';

const groupProperties = (groupRef: string): Record<string, JsonSchema> => ({
  id: ref('pathId', 'Identifier of the group; apps and groups inside it are resolved against it.'),
  apps: { type: 'array', items: ref('app'), description: 'Apps directly inside this group.' },
  groups: { type: 'array', items: ref(groupRef), description: 'Nested groups; each needs an `id`.' },
  dependencies: { type: 'array', items: ref('pathId'), description: 'Apps or groups deployed before this group.' },
  enforceRole: { type: 'boolean', description: 'Apps in this top-level group must use the group\'s role (Marathon 1.9+).' },
  scaleBy: { type: 'number', minimum: 0, description: 'Scale every app of the group by this factor (instead of a definition change).' },
  version: readOnlyField(ref('datetime', 'Read-only; ignored on create, but Marathon still reads it as a date-time.')),
  // GET /v2/groups answers embed pods (GroupInfo); a group body's pods are ignored by Marathon 1.10.
  pods: readOnlyField({ type: 'array', items: { type: 'object' }, description: 'Read-only (GET /v2/groups); Marathon 1.10 ignores pods in a group body: create them with POST /v2/pods.' }),
});

export const groupDocumentDefinitions: Record<string, JsonSchema> = {
  ...appDocumentDefinitions,
  group: obj(groupProperties('childGroup'), [], {
    title: 'Marathon group',
    description: 'A Marathon group definition (POST /v2/groups). Pods inside a group body are ignored by Marathon 1.10.',
  }),
  // Marathon reads a nested group's id unconditionally (GroupNormalization), so a missing one fails there.
  childGroup: obj(groupProperties('childGroup'), ['id'], { description: 'A group nested in another group.' }),
};
