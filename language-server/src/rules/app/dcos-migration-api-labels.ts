import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { quoted } from '../../model/quoted';

const text = 'DCOS_PACKAGE_FRAMEWORK_NAME and DCOS_MIGRATION_API_PATH must be defined when using DCOS_MIGRATION_API_VERSION';

export const dcosMigrationApiLabels: Rule = {
  id: 'dcos-migration-api-labels',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.4' },
  summary: 'The DCOS_MIGRATION_API_VERSION label needs value "v1" and non-empty DCOS_PACKAGE_FRAMEWORK_NAME and DCOS_MIGRATION_API_PATH labels.',
  marathonMessage: text,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const labels = ref.app.labels;
      if (!isObject(labels) || !('DCOS_MIGRATION_API_VERSION' in labels)) continue;
      const pointer = joinPointer(ref.pointer, 'labels', 'DCOS_MIGRATION_API_VERSION');
      const nonEmpty = (k: string) => typeof labels[k] === 'string' && labels[k] !== '';
      if (!nonEmpty('DCOS_PACKAGE_FRAMEWORK_NAME') || !nonEmpty('DCOS_MIGRATION_API_PATH')) {
        ctx.report({
          pointer,
          target: 'key',
          message:
            `Marathon rejects the app: "${text}". Marathon calls the framework's migration API during upgrades and needs both to ` +
            'find it. Add non-empty DCOS_PACKAGE_FRAMEWORK_NAME and DCOS_MIGRATION_API_PATH labels, or remove DCOS_MIGRATION_API_VERSION.',
        });
      }
      if (labels.DCOS_MIGRATION_API_VERSION !== 'v1') {
        ctx.report({
          pointer,
          message:
            `Marathon rejects the app: DCOS_MIGRATION_API_VERSION is ${quoted(String(labels.DCOS_MIGRATION_API_VERSION))}, but "v1" is the only ` +
            'migration API version Marathon knows. Set it to "v1".',
        });
      }
    }
  },
};
