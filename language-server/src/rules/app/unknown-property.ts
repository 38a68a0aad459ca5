import appSchema from '@marathon-devtools/schema/marathon-app.schema.json';
import groupSchema from '@marathon-devtools/schema/marathon-group.schema.json';
import podSchema from '@marathon-devtools/schema/marathon-pod.schema.json';
import type { Rule } from '../rule';
import { isObject, joinPointer } from '../../core/documentModel';
import type { DocumentKind } from '../../core/types';
import { nearestName } from './nearestName';
import { shapeOf } from './schemaProperties';

type Schema = Record<string, unknown>;
const schemas: Partial<Record<DocumentKind, Schema>> = { app: appSchema as Schema, group: groupSchema as Schema, pod: podSchema as Schema };

export const unknownProperty: Rule = {
  id: 'unknown-property',
  severity: 'warning',
  kinds: ['app', 'group', 'pod'],
  summary: 'A field that Marathon does not know, and therefore silently ignores (often a typo such as "heathChecks").',
  fixable: true,
  check(ctx) {
    const root = schemas[ctx.kind];
    if (!root) return;
    // Iterative walk over document and schema together: groups nest without limit.
    const stack: { value: unknown; schema: Schema; pointer: string }[] = [{ value: ctx.root, schema: root, pointer: '' }];
    while (stack.length > 0) {
      const { value, schema, pointer } = stack.pop()!;
      const shape = shapeOf(root, schema);
      if (Array.isArray(value)) {
        if (shape.items) value.forEach((v, i) => stack.push({ value: v, schema: shape.items!, pointer: joinPointer(pointer, i) }));
        continue;
      }
      if (!isObject(value)) continue;
      for (const [key, child] of Object.entries(value)) {
        const childSchema = shape.properties.get(key) ?? (shape.open ? shape.additional : undefined);
        if (childSchema) {
          stack.push({ value: child, schema: childSchema, pointer: joinPointer(pointer, key) });
          continue;
        }
        if (shape.open) continue;
        const suggestion = nearestName(key, shape.properties.keys());
        const keyPointer = joinPointer(pointer, key);
        const canRename = suggestion !== undefined && !(suggestion in value);
        ctx.report({
          pointer: keyPointer,
          target: 'key',
          message:
            `Marathon does not know the field "${key}" and silently ignores it, so its setting has no effect. ` +
            (suggestion ? `Did you mean "${suggestion}"?` : `Remove it, or check the spelling against the ${ctx.kind} fields of Marathon ${ctx.profile.marathonVersion}.`),
          fix: canRename
            ? {
                title: `Rename "${key}" to "${suggestion}"`,
                edits: [
                  { op: 'add', pointer: joinPointer(pointer, suggestion), value: child },
                  { op: 'remove', pointer: keyPointer },
                ],
              }
            : undefined,
        });
      }
    }
  },
};
