/** Health and readiness checks of Marathon apps (`healthCheck.raml`, `readinessCheck.raml`, `check.raml`). */
import { ciEnum, int32, obj, ref, type JsonSchema } from './jsonSchema';
import { portNumber } from './marathonCommon';

export const appHealthDefinitions: Record<string, JsonSchema> = {
  appHealthCheck: obj({
    protocol: ciEnum(['HTTP', 'HTTPS', 'TCP', 'COMMAND', 'MESOS_HTTP', 'MESOS_HTTPS', 'MESOS_TCP'], {
      description: 'HTTP/HTTPS/TCP are run by Marathon; MESOS_* and COMMAND by the agent. A check with `command` must say COMMAND.',
      default: 'HTTP',
    }),
    command: ref('checkCommand', 'Command to run for COMMAND checks.'),
    path: { type: 'string', description: 'HTTP path to request.', examples: ['/health'] },
    port: portNumber({ description: 'Port to probe; use instead of `portIndex`.' }),
    portIndex: int32(0, { description: 'Index into the app\'s port definitions or port mappings.' }),
    gracePeriodSeconds: int32(0, { default: 300, description: 'Failures are ignored for this long after the task starts, or until it is first healthy.' }),
    intervalSeconds: int32(0, { default: 60, description: 'Seconds between checks.' }),
    timeoutSeconds: { type: 'integer', maximum: 2147483647, default: 20, description: 'Seconds after which a check counts as failed.' },
    maxConsecutiveFailures: int32(0, { default: 3, description: 'Failures in a row after which the task is killed; 0 never kills.' }),
    delaySeconds: int32(0, { default: 15, description: 'Seconds before the first check (Mesos checks).' }),
    ignoreHttp1xx: { type: 'boolean', default: false, description: 'Treat 1xx answers as neither healthy nor unhealthy.' },
    ipProtocol: ciEnum(['IPv4', 'IPv6'], { default: 'IPv4', description: 'IP version for MESOS_* checks of Docker containers.' }),
  }),
  readinessCheck: obj({
    name: { type: 'string', default: 'readinessCheck', description: 'Name of the check.' },
    protocol: ciEnum(['HTTP', 'HTTPS'], { default: 'HTTP' }),
    path: { type: 'string', default: '/', description: 'HTTP path to request.' },
    portName: { type: 'string', default: 'http-api', description: 'Name of the port definition or port mapping to probe.' },
    intervalSeconds: int32(1, { default: 30, description: 'Seconds between checks.' }),
    timeoutSeconds: int32(1, { default: 10, description: 'Seconds after which a check fails; less than `intervalSeconds`.' }),
    httpStatusCodesForReady: {
      type: 'array',
      items: { type: 'integer', minimum: 100, maximum: 999 },
      minItems: 1,
      default: [200],
      description: 'HTTP status codes that mean ready.',
    },
    preserveLastResponse: { type: 'boolean', default: false, description: 'Keep the last response for the deployment API.' },
  }, [], { description: 'Checked during deployments before an instance counts as ready.' }),
  appCheck: obj({
    http: obj({ portIndex: int32(0), path: { type: 'string' }, scheme: ciEnum(['HTTP']) }),
    tcp: obj({ portIndex: int32(0) }),
    exec: obj({ command: ref('checkCommand') }, ['command']),
    intervalSeconds: int32(0, { default: 60 }),
    timeoutSeconds: int32(0, { default: 20 }),
    delaySeconds: int32(0, { default: 15 }),
  }, [], { description: 'A Mesos check (Marathon 1.8+): reports status without killing the task. Not with Docker containers.' }),
};
