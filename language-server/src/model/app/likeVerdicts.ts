/**
 * What java.util.regex makes of each distinct LIKE/UNLIKE value of one lint run, worked out once and read by every
 * rule that judges such a value (constraint-like-regex, constraint-like-regex-java9, persistent-volume-constraint):
 * a group of thousands of apps repeats a handful of values, and each rule compiling each one again was most of
 * what those rules cost. The map lives as long as the run (perDocument), so a verdict never outlives its document.
 */
import type { RuleContext } from '../../core/rule';
import { perDocument } from '../perDocument';
import { javaRegexError } from './javaRegex';
import { java8WrappedCount, java9OnlyConstruct, type Java9OnlyConstruct, type WrappedCount } from './javaRegexJava9Only';

/**
 * `error`: javaRegexError's answer (Java 9+ refuses it, in Java's words); `java9` and `wrapped`: java9OnlyConstruct's
 * and java8WrappedCount's, worked out when first asked (null: none), since only constraint-like-regex-java9 asks.
 */
export type LikeVerdict = { readonly error: string | undefined; java9?: Java9OnlyConstruct | null; wrapped?: WrappedCount | null };

const verdicts = perDocument((): Map<string, LikeVerdict> => new Map());

/** The verdict on `value`, once per value and run. */
export function likeVerdict(ctx: RuleContext, value: string): LikeVerdict {
  const map = verdicts(ctx);
  let verdict = map.get(value);
  if (verdict === undefined) {
    verdict = { error: javaRegexError(value) };
    map.set(value, verdict);
  }
  return verdict;
}

/** The first construct of `value` Java 8 refuses and Java 9+ accepts, once per value and run. */
export function likeJava9Only(ctx: RuleContext, value: string): Java9OnlyConstruct | undefined {
  const verdict = likeVerdict(ctx, value);
  if (verdict.java9 === undefined) verdict.java9 = java9OnlyConstruct(value, verdict) ?? null;
  return verdict.java9 ?? undefined;
}

/** The first count of `value` Java 8 reads wrapped and JDK 9+ refuses, once per value and run. */
export function likeWrappedCount(ctx: RuleContext, value: string): WrappedCount | undefined {
  const verdict = likeVerdict(ctx, value);
  if (verdict.wrapped === undefined) verdict.wrapped = java8WrappedCount(value, verdict) ?? null;
  return verdict.wrapped ?? undefined;
}
