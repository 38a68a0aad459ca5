import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import { containerOf } from '../../model/app/containerizer';

const text = 'ipcInfo shmSize can NOT be set when mode is SHARE_PARENT';

export const linuxInfoIpc: Rule = {
  id: 'linuxinfo-ipc',
  severity: 'error',
  kinds: ['app', 'group'],
  versions: { min: '1.8' },
  summary: 'linuxInfo.ipcInfo: `shmSize` is only for mode PRIVATE.',
  marathonMessage: text,
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const info = containerOf(ref.app)?.linuxInfo;
      if (!isObject(info) || !isObject(info.ipcInfo)) continue;
      const { mode, shmSize } = info.ipcInfo;
      if (typeof mode !== 'string' || mode.toUpperCase() !== 'SHARE_PARENT' || shmSize == null) continue;
      const pointer = joinPointer(ref.pointer, 'container', 'linuxInfo', 'ipcInfo', 'shmSize');
      ctx.report({
        pointer,
        target: 'key',
        message: `Marathon rejects the app: "${text}". A shared IPC namespace uses the parent's /dev/shm, whose size this task cannot set. Remove shmSize, or use mode "PRIVATE".`,
        fix: { title: 'Remove shmSize', edits: [{ op: 'remove', pointer }] },
      });
    }
  },
};
