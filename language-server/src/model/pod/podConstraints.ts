/**
 * A pod's placement constraints (`scheduling.placement.constraints`, pod.raml PodPlacementPolicy: `constraint.Constraint[]`,
 * objects `{fieldName, operator, value?}`) as the app constraint rules read an app's. Marathon validates them with
 * `complyWithConstraintRules` (SchedulingValidation.scala 1.5+, PodsValidation.scala 1.4), the same validator an app's
 * [field, OPERATOR, value] goes through after its arity check, and converts them to the same Protos.Constraint
 * (raml/ConstraintConversion.scala), so placement treats them alike too. Entries the RAML reader would refuse
 * (no string fieldName or operator, a value that is not a string) are the schema rule's.
 */
import type { RuleContext } from '../../core/rule';
import type { ConstraintRef } from '../app/constraintList';
import { isObject, joinPointer } from '../documentModel';
import { perDocument } from '../perDocument';
import { podsOf } from './podParts';

export const podConstraintsOf = perDocument((ctx: RuleContext): readonly ConstraintRef[] => {
  const out: ConstraintRef[] = [];
  for (const pod of podsOf(ctx)) {
    const scheduling = pod.value.scheduling;
    const placement = isObject(scheduling) ? scheduling.placement : undefined;
    const list = isObject(placement) ? placement.constraints : undefined;
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const c: unknown = list[i];
      if (!isObject(c) || typeof c.fieldName !== 'string' || typeof c.operator !== 'string') continue;
      // `"value": null` reads as no value (the RAML reader's readNullable).
      if (c.value != null && typeof c.value !== 'string') continue;
      const value = c.value ?? undefined;
      out.push({
        pointer: joinPointer(pod.pointer, 'scheduling', 'placement', 'constraints', i),
        shape: 'object',
        length: value === undefined ? 2 : 3,
        field: c.fieldName,
        rawOp: c.operator,
        op: c.operator.toUpperCase(),
        value,
      });
    }
  }
  return out;
});
