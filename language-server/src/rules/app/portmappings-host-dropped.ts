/**
 * On host networking Marathon's normalization drops the port mappings without a word
 * (AppNormalization.maybeDropPortMappings, marathon-rules.md §4.6 "normalization, not errors"), and with them
 * every label on them, such as the VIP_<n> labels that would have created a load-balanced address.
 */
import type { Rule } from '../../core/rule';
import { isObject, joinPointer } from '../../model/documentModel';
import type { PointerEdit } from '../../core/types';
import { networkingMode, networksOf, portMappingsOfRef } from '../../model/app/networking';

const vipLabel = /^VIP_[0-9]+$/;

function unreadableDockerNetwork(app: Record<string, unknown>): boolean {
  const docker = isObject(app.container) && isObject(app.container.docker) ? app.container.docker : undefined;
  return docker !== undefined && docker.network !== undefined && !(typeof docker.network === 'string' && ['BRIDGE', 'HOST', 'NONE', 'USER'].includes(docker.network.toUpperCase()));
}

export const portMappingsHostDropped: Rule = {
  id: 'portmappings-host-dropped',
  severity: 'warning',
  kinds: ['app', 'group'],
  versions: { min: '1.5' },
  summary: 'Port mappings on host networking are silently dropped by Marathon, together with their labels (VIP_n load-balancer addresses).',
  fixable: true,
  check(ctx) {
    for (let ai = 0; ai < ctx.apps.length; ai++) {
      const ref = ctx.apps[ai];
      const pm = portMappingsOfRef(ref);
      if (!pm || pm.mappings.length === 0 || networkingMode(ref.app) !== 'host') continue;
      // A network mode Marathon cannot read is the schema's finding, not host networking.
      if (networksOf(ref).some((n) => n.mode === undefined) || unreadableDockerNetwork(ref.app)) continue;
      const vips: string[] = [];
      for (const m of pm.mappings) if (isObject(m) && isObject(m.labels)) for (const k of Object.keys(m.labels)) if (vipLabel.test(k)) vips.push(`${k}=${String(m.labels[k])}`);
      const fix = ref.app.portDefinitions === undefined && ref.app.ports === undefined ? toPortDefinitions(ref.pointer, pm.pointer, pm.mappings) : undefined;
      ctx.report({
        // Host networking by default: a misspelt network setting is the cause.
        missing: [joinPointer(ref.pointer, 'networks'), joinPointer(ref.pointer, 'container', 'docker', 'network')],
        pointer: pm.pointer,
        target: 'key',
        message:
          `Marathon silently drops ${pm.mappings.length === 1 ? 'this port mapping' : `these ${pm.mappings.length} port mappings`}: the app uses host networking, where a task gets ports of the agent ` +
          `(\`portDefinitions\`), not mapped container ports` +
          (vips.length > 0 ? `, and the VIP label${vips.length === 1 ? '' : 's'} on ${pm.mappings.length === 1 ? 'it' : 'them'} (${vips.join(', ')}) ${vips.length === 1 ? 'vanishes' : 'vanish'} with ${pm.mappings.length === 1 ? 'it' : 'them'}, so no load-balanced address is created` : '') +
          '. Move the ports to `portDefinitions` (labels included), or use a bridge or container network (`networks`).',
        fix,
      });
    }
  },
};

/** portMappings → portDefinitions: the host port (0 = any) becomes the port, with its protocol, name and labels. */
function toPortDefinitions(appPointer: string, mappingsPointer: string, mappings: unknown[]): { title: string; edits: PointerEdit[] } {
  const defs = mappings.filter(isObject).map((m) => {
    const d: Record<string, unknown> = { port: typeof m.hostPort === 'number' ? m.hostPort : 0 };
    for (const k of ['protocol', 'name', 'labels']) if (m[k] !== undefined) d[k] = m[k];
    return d;
  });
  return {
    title: 'Move the port mappings to portDefinitions',
    edits: [{ op: 'add', pointer: joinPointer(appPointer, 'portDefinitions'), value: defs }, { op: 'remove', pointer: mappingsPointer }],
  };
}
