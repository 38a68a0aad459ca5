import type { Rule } from '../../core/rule';
import { joinPointer } from '../../model/documentModel';
import { constraintsOf, operatorsFor } from '../../model/app/constraintList';

export const constraintOperatorUppercase: Rule = {
  id: 'constraint-operator-uppercase',
  severity: 'error',
  kinds: ['app', 'group'],
  summary: 'Constraint operators must be written in upper case ("UNIQUE", not "unique").',
  marathonMessage: 'illegal constraint specification <field>,<op>',
  fixable: true,
  check(ctx) {
    const ops = operatorsFor(ctx.atLeast);
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const cList = constraintsOf(ref);
      for (let vi = 0; vi < cList.length; vi++) {
        const c = cList[vi];
        if (c.length < 2 || c.rawOp === c.op || !ops.includes(c.op)) continue;
        const pointer = joinPointer(c.pointer, 1);
        const message = ctx.atLeast('1.5')
          ? `Marathon fails with HTTP 500: "illegal constraint specification ${c.field},${c.rawOp}". Validation upper-cases ` +
            `the operator, but the conversion that follows only knows the exact upper-case names. Write "${c.op}".`
          : `Marathon rejects the constraint: "Constraint operator must be one of the following: [UNIQUE, LIKE, CLUSTER, GROUP_BY, MAX_PER, UNLIKE]". ` +
            `Operators are case-sensitive before 1.5. Write "${c.op}".`;
        ctx.report({ pointer, message, fix: { title: `Change the operator to ${c.op}`, edits: [{ op: 'replace', pointer, value: c.op }] } });
      }
    }
  },
};
