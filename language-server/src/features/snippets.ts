import type { DefinitionKind } from '@marathon-devtools/schema/schemaIds';

/**
 * Snippets for values that have a shape a user would otherwise look up: an external volume stanza,
 * a health check, a port mapping, a constraint triple. LSP snippet syntax (`$1`, `${1|a,b|}`).
 */

export interface ShapeSnippet {
  label: string;
  detail: string;
  body: string;
}

export const constraintOperators = ['UNIQUE', 'CLUSTER', 'GROUP_BY', 'LIKE', 'UNLIKE', 'MAX_PER', 'IS'];

const externalStanza = '{\n\t"name": "${1:volume-name}",\n\t"provider": "dvdi",\n\t"options": { "dvdi/driver": "${2:rexray}" }\n}';

const snippets = {
  externalVolume: {
    label: 'External volume (dvdi)',
    detail: 'containerPath + mode + external {name, provider, options}',
    body: '{\n\t"containerPath": "${1:data}",\n\t"mode": "RW",\n\t"external": {\n\t\t"name": "${2:volume-name}",\n\t\t"provider": "dvdi",\n\t\t"options": { "dvdi/driver": "${3:rexray}" }\n\t}\n}',
  },
  hostVolume: { label: 'Host volume', detail: 'containerPath + hostPath + mode', body: '{\n\t"containerPath": "${1:/data}",\n\t"hostPath": "${2:/var/data}",\n\t"mode": "${3|RW,RO|}"\n}' },
  persistentVolume: {
    label: 'Persistent (local) volume',
    detail: 'containerPath + mode + persistent {size}',
    body: '{\n\t"containerPath": "${1:data}",\n\t"mode": "RW",\n\t"persistent": { "size": ${2:1024} }\n}',
  },
  httpHealthCheck: {
    label: 'HTTP health check',
    detail: 'protocol MESOS_HTTP, path, portIndex',
    body: '{\n\t"protocol": "${1|MESOS_HTTP,MESOS_HTTPS,HTTP,HTTPS|}",\n\t"path": "${2:/health}",\n\t"portIndex": ${3:0},\n\t"gracePeriodSeconds": ${4:300},\n\t"intervalSeconds": ${5:60},\n\t"timeoutSeconds": ${6:20},\n\t"maxConsecutiveFailures": ${7:3}\n}',
  },
  tcpHealthCheck: { label: 'TCP health check', detail: 'protocol MESOS_TCP, portIndex', body: '{\n\t"protocol": "${1|MESOS_TCP,TCP|}",\n\t"portIndex": ${2:0}\n}' },
  commandHealthCheck: { label: 'Command health check', detail: 'protocol COMMAND, command.value', body: '{\n\t"protocol": "COMMAND",\n\t"command": { "value": "${1:curl -f http://localhost:\\$PORT0/}" }\n}' },
  portMapping: {
    label: 'Port mapping',
    detail: 'containerPort, hostPort, protocol',
    body: '{\n\t"containerPort": ${1:8080},\n\t"hostPort": ${2:0},\n\t"protocol": "${3|tcp,udp,udp\\,tcp|}",\n\t"name": "${4:http}"\n}',
  },
  constraint: { label: 'Constraint [field, operator, value]', detail: 'e.g. ["hostname", "UNIQUE"]', body: `["\${1:hostname}", "\${2|${constraintOperators.join(',')}|}", "\${3}"]` },
} satisfies Record<string, ShapeSnippet>;

/** Shapes offered for an item of the array named `arrayKey` (the last key before the index). */
export function itemSnippets(arrayKey: string | number | undefined, insideContainer: boolean): ShapeSnippet[] {
  switch (arrayKey) {
    case 'volumes':
      return insideContainer ? [snippets.externalVolume, snippets.hostVolume, snippets.persistentVolume] : [];
    case 'healthChecks':
      return [snippets.httpHealthCheck, snippets.tcpHealthCheck, snippets.commandHealthCheck];
    case 'portMappings':
      return [snippets.portMapping];
    case 'constraints':
      return [snippets.constraint];
    default:
      return [];
  }
}

/** Snippet for a property's value when the property itself is being inserted (`"key": <this>`). */
export function valueSnippetForKey(key: string, insideContainer: boolean, insideVolume: boolean): string | undefined {
  if (key === 'external' && insideVolume) return externalStanza;
  const items = itemSnippets(key, insideContainer || key !== 'volumes');
  if (items.length > 0) return `[\n\t${items[0].body.replace(/\n/g, '\n\t')}\n]`;
  return undefined;
}

/**
 * Whole-document skeletons for an empty file: the properties of a minimal definition of each kind that
 * lints clean as accepted (the external-volume app follows the dvdi rules: one instance, Mesos
 * containerizer, maximumOverCapacity 0). Bodies are the properties only: they go inside `{}`.
 */
export const documentSkeletons: (ShapeSnippet & { kind: DefinitionKind })[] = [
  {
    kind: 'app',
    label: 'Marathon app with an external volume',
    detail: 'app: Docker image on the Mesos containerizer, one dvdi volume, one instance',
    body:
      '"id": "/${1:db}/${2:postgres}",\n"instances": 1,\n"cpus": ${3:1},\n"mem": ${4:1024},\n"container": {\n\t"type": "MESOS",\n\t"docker": { "image": "${5:postgres:16}" },\n' +
      '\t"volumes": [\n\t\t{\n\t\t\t"containerPath": "${6:pgdata}",\n\t\t\t"mode": "RW",\n\t\t\t"external": {\n\t\t\t\t"name": "${7:pgdata}",\n\t\t\t\t"provider": "dvdi",\n' +
      '\t\t\t\t"options": { "dvdi/driver": "${8|rexray,local,pxd,rclone|}" }\n\t\t\t}\n\t\t}\n\t]\n},\n"upgradeStrategy": { "minimumHealthCapacity": 0, "maximumOverCapacity": 0 }',
  },
  {
    kind: 'app',
    label: 'Marathon app',
    detail: 'app: id, cmd, resources, instances',
    body: '"id": "/${1:app}",\n"cmd": "${2:sleep 1000}",\n"cpus": ${3:0.1},\n"mem": ${4:128},\n"instances": ${5:1}',
  },
  {
    kind: 'pod',
    label: 'Marathon pod',
    detail: 'pod: id, one container with resources and image',
    body: '"id": "/${1:pod}",\n"scaling": { "kind": "fixed", "instances": 1 },\n"containers": [\n\t{\n\t\t"name": "${2:main}",\n\t\t"resources": { "cpus": ${3:0.1}, "mem": ${4:128} },\n\t\t"image": { "kind": "DOCKER", "id": "${5:nginx:1.27}" }\n\t}\n],\n"networks": [{ "mode": "host" }]',
  },
  {
    kind: 'group',
    label: 'Marathon group',
    detail: 'group: id and one app',
    body: '"id": "/${1:group}",\n"apps": [\n\t{\n\t\t"id": "${2:app}",\n\t\t"cmd": "${3:sleep 1000}",\n\t\t"cpus": 0.1,\n\t\t"mem": 128,\n\t\t"instances": 1\n\t}\n]',
  },
  {
    kind: 'chronos-job',
    label: 'Chronos job',
    detail: 'Chronos job: name, command, ISO 8601 schedule',
    body: '"name": "${1:nightly-backup}",\n"command": "${2:echo hello}",\n"schedule": "${3:R/2030-01-01T02:00:00Z/P1D}",\n"epsilon": "PT30M",\n"owner": "${4:ops@example.com}",\n"cpus": 0.1,\n"mem": 128',
  },
];
