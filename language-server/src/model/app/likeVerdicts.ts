/**
 * What java.util.regex makes of each distinct LIKE/UNLIKE value of one lint run, worked out once and read by every
 * rule that judges such a value (constraint-like-regex, constraint-like-regex-java9, persistent-volume-constraint):
 * a group of thousands of apps repeats a handful of values, and each rule compiling each one again was most of
 * what those rules cost. The map lives as long as the run (perDocument), so a verdict never outlives its document.
 */
import type { RuleContext } from '../../core/rule';
import { perDocument } from '../perDocument';
import { javaRegexVerdict, type JavaRegexVerdict } from './javaRegexJava9Only';

const verdicts = perDocument((): Map<string, JavaRegexVerdict> => new Map());

/** The verdict on `value` (javaRegexVerdict: Java 9+'s error, else what only Java 8 refuses or wraps), once per value and run. */
export function likeVerdict(ctx: RuleContext, value: string): JavaRegexVerdict {
  const map = verdicts(ctx);
  let verdict = map.get(value);
  if (verdict === undefined) {
    verdict = javaRegexVerdict(value);
    map.set(value, verdict);
  }
  return verdict;
}
