/** Generates Marathon groups of N apps (the perf-anchors.md A.2 shape) for the large-input tests and the benchmark. */

export function makeApp(i: number): Record<string, unknown> {
  const name = `app-${String(i).padStart(5, '0')}`;
  return {
    id: `/bench/${name}`,
    cmd: 'exec ./bin/server --port $PORT0',
    cpus: 0.5,
    mem: 256,
    instances: 1, // a dvdi volume attaches to one task at a time
    container: {
      type: 'DOCKER',
      docker: { image: `registry.example.com/team/${name}:1.${i % 10}.0`, forcePullImage: false },
      portMappings: [{ containerPort: 8080, hostPort: 0, protocol: 'tcp' }],
      volumes: [{ containerPath: 'data', mode: 'RW', external: { name: `${name}-data`, provider: 'dvdi', options: { 'dvdi/driver': 'rexray' } } }],
    },
    networks: [{ mode: 'container/bridge' }],
    healthChecks: [{ protocol: 'MESOS_HTTP', path: '/health', portIndex: 0, intervalSeconds: 30, maxConsecutiveFailures: 3 }],
    constraints: [['hostname', 'UNIQUE']],
    env: { LOG_LEVEL: 'info' },
    labels: { team: 'edge' },
    upgradeStrategy: { minimumHealthCapacity: 0, maximumOverCapacity: 0 },
  };
}

/** Pretty-printed group text; every `errorEvery`-th app gets an enum typo (0 = none). */
export function makeGroupText(n: number, errorEvery = 0): string {
  const apps = Array.from({ length: n }, (_, i) => {
    const app = makeApp(i);
    if (errorEvery > 0 && i % errorEvery === errorEvery - 1) (app.container as { type: string }).type = 'DOCKR';
    return app;
  });
  return JSON.stringify({ id: '/bench', apps }, null, 2) + '\n';
}
