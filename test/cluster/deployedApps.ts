// Fixtures for cluster-aware linting tests: an app with one dvdi external volume, and a deployed root group
// (GroupInfo as `GET /v2/groups?embed=…` returns it, ../shared/reference/marathon-api.md §5) holding apps under /db.
import type { GroupInfo } from '@marathon-devtools/cluster/marathon/types';

export function dvdiApp(id: string, volume: string, extra: Record<string, unknown> = {}) {
  return {
    id,
    cmd: './run',
    cpus: 0.5,
    mem: 256,
    instances: 1,
    upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
    container: { type: 'MESOS', volumes: [{ containerPath: 'data', mode: 'RW', external: { name: volume, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }] },
    ...extra,
  };
}

export function deployedUnderDb(apps: ReturnType<typeof dvdiApp>[]): GroupInfo {
  return { id: '/', apps: [], pods: [], dependencies: [], groups: [{ id: '/db', apps, pods: [], groups: [], dependencies: [] }] };
}
