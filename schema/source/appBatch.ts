/**
 * A batch of app updates, the body of `PUT /v2/apps` and `PATCH /v2/apps` (../shared/reference/marathon-api.md §4):
 * a JSON array whose every element Marathon reads as an app, with its `id` (otherwise its 422 "requirement failed:
 * App Update must have app id set"). The elements are the app definition itself, so the batch adds no field shape of
 * its own; what an element may leave out (`cmd` on a partial update) is the lint engine's to say, not the schema's.
 */
import { appDocumentDefinitions } from './app';
import { ref, type JsonSchema } from './jsonSchema';

export const appBatchDocumentDefinitions: Record<string, JsonSchema> = {
  ...appDocumentDefinitions,
  appBatch: {
    type: 'array',
    items: ref('app'),
    title: 'Marathon app batch',
    description:
      'Several apps in one request (PUT /v2/apps, PATCH /v2/apps): each element is an app with its "id". With partialUpdate=true (the default) an element updates the deployed app of that id, so it may give only the fields it changes.',
  },
};
