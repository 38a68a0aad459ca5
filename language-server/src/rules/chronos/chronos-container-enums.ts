import type { Rule } from '../../core/rule';
import { chronosContainerOf, chronosVolumesOf } from '../../model/chronos/chronosVolumes';
import { quoted } from '../../model/quoted';

export const chronosContainerEnums: Rule = {
  id: 'chronos-container-enums',
  severity: 'error',
  kinds: ['chronos-job'],
  summary: 'Chronos container enums: type DOCKER or MESOS, network BRIDGE, HOST or USER (exact case), volume mode RW or RO.',
  fixable: true,
  check(ctx) {
    const c = chronosContainerOf(ctx);
    if (!c) return;
    // A null type, network or mode is chronos-null-fails' (Chronos reads the text "null" and fails the same way).
    if (c.type !== undefined && c.type !== null && !(typeof c.type === 'string' && ['DOCKER', 'MESOS'].includes(c.type.toUpperCase()))) {
      ctx.report({ pointer: '/container/type', message: `Chronos knows container types DOCKER and MESOS only; ${JSON.stringify(c.type)} fails with an exception (HTTP 500). Use one of those.` });
    }
    if (c.network !== undefined && c.network !== null && !(typeof c.network === 'string' && ['BRIDGE', 'HOST', 'USER'].includes(c.network))) {
      const upper = typeof c.network === 'string' ? c.network.toUpperCase() : '';
      const fixable = ['BRIDGE', 'HOST', 'USER'].includes(upper);
      ctx.report({
        pointer: '/container/network',
        message:
          `Chronos reads "network" with an exact, case-sensitive match against BRIDGE, HOST and USER; ${JSON.stringify(c.network)} fails with an exception (HTTP 500). ` +
          (fixable ? `Write ${quoted(upper)}.` : 'Use one of those.'),
        fix: fixable ? { title: `Use ${upper}`, edits: [{ op: 'replace', pointer: '/container/network', value: upper }] } : undefined,
      });
    }
    for (const { pointer, volume } of chronosVolumesOf(ctx)) {
      const mode = volume.mode;
      if (mode === undefined || mode === null || (typeof mode === 'string' && ['RW', 'RO'].includes(mode.toUpperCase()))) continue;
      ctx.report({ pointer: `${pointer}/mode`, message: `Chronos knows volume modes RW and RO only; ${JSON.stringify(mode)} fails with an exception (HTTP 500). Use "RW" or "RO", or leave "mode" out.` });
    }
  },
};
