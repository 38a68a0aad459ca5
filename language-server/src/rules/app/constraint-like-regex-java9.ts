import { joinPointer } from '../../model/documentModel';
import type { Rule, RuleContext } from '../../core/rule';
import { constraintPart, constraintsOf, type ConstraintRef } from '../../model/app/constraintList';
import { likeVerdict } from '../../model/app/likeVerdicts';
import { podConstraintsOf } from '../../model/pod/podConstraints';
import { persistentVolumesOf } from '../../model/volume/persistentVolumes';
import { quoted } from '../../model/quoted';

/** POSIX names as Java 8's CharPropertyNames writes them, the only case it takes after `Is` for these. */
const JAVA8_POSIX_SPELLING: Readonly<Record<string, string>> = { ALPHA: 'Alpha', LOWER: 'Lower', UPPER: 'Upper', SPACE: 'Space', PUNCT: 'Punct', XDIGIT: 'XDigit', CNTRL: 'Cntrl' };

/** What to write instead, portable to Java 8; hostnames and attribute values are ASCII (mesos-master-api.md §3). */
function portable(construct: string): string {
  const posix = /^\\([pP])\{Is(\w+)\}$/.exec(construct);
  const spelling = posix ? JAVA8_POSIX_SPELLING[posix[2].toUpperCase()] : undefined;
  if (posix && spelling) return `Write it as Java 8 spells it: ${quoted(`\\${posix[1]}{Is${spelling}}`)}`;
  if (construct.startsWith('\\N')) return `Write the character itself, or ${quoted('\\x{…}')} with its code point (${quoted('\\x{20}')} for ${quoted('\\N{SPACE}')})`;
  if (construct.startsWith('\\p') || construct.startsWith('\\P')) return `Java 8 knows the scripts and blocks of Unicode 6.2 only: write the characters you mean as a class of code points instead (${quoted('[\\x{…}-\\x{…}]')})`;
  if (!construct.startsWith('(?<') && construct.startsWith('(?'))
    return `Java 8 cannot clear U in a flag group (its Pattern.subFlag stops at the U): U is off unless a ${quoted('(?U)')} before turned it on, so drop it, or give that one a scope, ${quoted('(?U:…)')}`;
  if (construct.startsWith('(?<'))
    return `Java 8 measures a look-behind more strictly than Java 9+: give each repetition in it a small maximum (${quoted('{1,64}')} for ${quoted('+')}, ${quoted('{0,64}')} for ${quoted('*')}) and write ${quoted('?')} for ${quoted('{0,1}')}`;
  if (construct.startsWith('\\b')) return 'Drop it: Java 8 has no grapheme boundary, and between the ASCII characters of a hostname or attribute value every position is one';
  return `Write ${quoted('.')} (or ${quoted('(?s:.)')} to take a line break too): Java 8 has no grapheme cluster, and in the ASCII text of a hostname or attribute value a grapheme cluster is one character`;
}

/** The warning for `value`, a LIKE/UNLIKE regular expression, or undefined. */
function java9Only(ctx: RuleContext, value: unknown, what: string): string | undefined {
  if (typeof value !== 'string') return undefined;
  const { java9: found, wrapped } = likeVerdict(ctx, value);
  if (!found) {
    // The other way round: a count Java 8 wraps without a word (OpenJDK 8 Pattern.closure) and JDK 9+ refuses.
    if (!wrapped) return undefined;
    const { construct, java8Reads, java9Says } = wrapped;
    return (
      `Marathon on Java 8 (its packages install OpenJDK 8, DC/OS ships a Java 8 JRE) reads the count ${quoted(construct)} in the ${what} ${quoted(value)} as ${quoted(java8Reads)}: ` +
      `java.util.regex of Java 8 keeps a count in an int that wraps past 2147483647 without a word; Java 9+ refuses it (${quoted(java9Says)}). ` +
      `Write ${quoted(java8Reads)} to keep what Marathon matches today, or the count you mean, at most 2147483647 (${quoted('{n,}')} for no upper bound).`
    );
  }
  return (
    `Marathon on Java 8 (its packages install OpenJDK 8, DC/OS ships a Java 8 JRE) rejects the ${what} ${quoted(value)}: ` +
    `java.util.regex of Java 8 says ${quoted(found.java8Says)} at ${quoted(found.construct)}; Java 9+ accepts it. ${portable(found.construct)}.`
  );
}

function checkConstraint(ctx: RuleContext, c: ConstraintRef): void {
  if (c.op !== 'LIKE' && c.op !== 'UNLIKE') return;
  const message = java9Only(ctx, c.value, 'constraint value');
  if (message) ctx.report({ pointer: constraintPart(c, 'value'), message });
}

export const constraintLikeRegexJava9: Rule = {
  id: 'constraint-like-regex-java9',
  severity: 'warning',
  kinds: ['app', 'group', 'pod'],
  summary:
    'A LIKE/UNLIKE value (or a persistent volume path constraint) uses \\N{…}, \\b{g}, \\X, a Unicode script or block newer than 6.2, a look-behind only Java 9+ can bound or a flag group clearing U, which Java 9+ accepts and Marathon on Java 8 refuses; or a count past 2147483647, which Java 8 reads wrapped and Java 9+ refuses.',
  marathonMessage: 'LIKE and UNLIKE require a non-empty, regular expression value / Invalid regular expression',
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const cList = constraintsOf(ctx.apps[ai]);
      for (let vi = 0; vi < cList.length; vi++) checkConstraint(ctx, cList[vi]);
    }
    const pList = podConstraintsOf(ctx);
    for (let vi = 0; vi < pList.length; vi++) checkConstraint(ctx, pList[vi]);
    // persistent-volume-constraint compiles ["path", "LIKE" | "UNLIKE", regex] with the same Pattern.
    for (const v of persistentVolumesOf(ctx)) {
      const constraints = v.persistent.constraints;
      if (!Array.isArray(constraints)) continue;
      constraints.forEach((c, i) => {
        if (!Array.isArray(c) || c[0] !== 'path' || (c[1] !== 'LIKE' && c[1] !== 'UNLIKE')) return;
        const message = java9Only(ctx, c[2], 'volume constraint value');
        if (message) ctx.report({ pointer: joinPointer(v.persistentPointer, 'constraints', i, 2), message });
      });
    }
  },
};
