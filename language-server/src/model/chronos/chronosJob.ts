/** Accessors for a Chronos job document: the root object, type-checked. */
import { isObject, type JsonObject } from '../documentModel';
import type { RuleContext } from '../../core/rule';

export function jobOf(ctx: RuleContext): JsonObject | undefined {
  return isObject(ctx.root) ? ctx.root : undefined;
}

/** What Chronos calls the job in messages. */
export function jobName(job: JsonObject): string {
  // A null name is the text "null" to Chronos (JobDeserializer.scala:35, Jackson's NullNode.asText()).
  return typeof job.name === 'string' ? job.name : job.name === null ? 'null' : '<name>';
}
