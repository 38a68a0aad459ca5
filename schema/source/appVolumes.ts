/** The four volume forms of `container.volumes[]` in a Marathon app (`volumes.raml`, Marathon 1.10). */
import { ciEnum, int64, obj, ref, type JsonSchema } from './jsonSchema';

const containerPath = { type: 'string', minLength: 1, description: 'Where the volume appears inside the container.' };

export const appVolumeDefinitions: Record<string, JsonSchema> = {
  readMode: ciEnum(['RW', 'RO'], { description: 'RW: read and write; RO: read only.' }),
  appVolume: {
    description:
      'A volume of the container. Marathon tries the forms persistent, external, secret, host in that order and takes the first that fits; when none fits it reports only the host form\'s error (e.g. "\'hostPath\' is undefined").',
    anyOf: [ref('appPersistentVolume'), ref('appExternalVolume'), ref('appSecretVolume'), ref('appHostVolume')],
  },
  appHostVolume: obj(
    {
      containerPath,
      hostPath: { type: 'string', minLength: 1, description: 'Path on the agent to mount; a relative path is a directory of the task sandbox (or a persistent volume of the same app).' },
      mode: ref('readMode'),
    },
    ['containerPath', 'hostPath', 'mode'],
    { title: 'Host volume', description: 'Mounts a path of the agent (or of the sandbox) into the container.' },
  ),
  appPersistentVolume: obj(
    {
      containerPath: { ...containerPath, description: 'Name of the volume directory in the sandbox: a single relative path segment (no "/"), not "." or "..".' },
      persistent: obj(
        {
          size: int64(0, { description: 'Size in MiB; must be more than 0.', examples: [1024] }),
          type: ciEnum(['root', 'path', 'mount'], { description: 'Kind of Mesos disk resource: root (the agent\'s work disk), path or mount.', default: 'root' }),
          maxSize: int64(0, { description: 'Largest mount disk to accept (type mount only); more than `size`.' }),
          profileName: { type: 'string', description: 'Disk profile to use (Marathon 1.8+); implies type mount when `type` is absent (1.9+).' },
          constraints: {
            type: 'array',
            description: 'Where to create the volume; only `["path", "LIKE"|"UNLIKE", "<regex>"]` on path and mount disks.',
            items: { type: 'array', items: { type: 'string' }, minItems: 2, maxItems: 3 },
          },
        },
        ['size'],
      ),
      mode: ref('readMode', 'Must be RW for persistent volumes.'),
    },
    ['containerPath', 'persistent', 'mode'],
    { title: 'Persistent (local) volume', description: 'Reserves disk on the agent and pins the task to it (a resident app).' },
  ),
  appExternalVolume: obj(
    {
      containerPath,
      external: ref('externalVolumeInfo'),
      mode: ref('readMode', 'Must be RW with the Mesos containerizer.'),
    },
    ['containerPath', 'external', 'mode'],
    { title: 'External volume', description: 'A volume of a storage driver (REX-Ray, Portworx, …) mounted through DVDI. Needs the `external_volumes` feature; the app may then have at most one instance.' },
  ),
  externalVolumeInfo: obj({
    name: { type: 'string', description: 'Volume name as the driver knows it; unique in the cluster unless shared.', examples: ['pgdata'] },
    provider: { type: 'string', description: 'External volume provider; only "dvdi" exists in Marathon 1.1–1.10.', examples: ['dvdi'] },
    size: int64(0, { description: 'Size in GiB to create the volume with; more than 0 when given, and not allowed with Docker containers.' }),
    shared: { type: 'boolean', default: false, description: 'Several apps may use this volume name (Marathon 1.8.222+). A boolean, not the string "true".' },
    options: {
      type: 'object',
      description: 'Provider options as `<prefix>/<name>` keys with string values. With Docker containers only `dvdi/driver` is allowed.',
      properties: {
        'dvdi/driver': { type: 'string', description: 'Docker volume driver that serves the volume (required).', examples: ['rexray', 'pxd'] },
        'dvdi/volumetype': { type: 'string', description: 'REX-Ray: storage type, lower-case (e.g. "gp2", "io1").', examples: ['gp2'] },
        'dvdi/newfstype': { type: 'string', description: 'REX-Ray: file system created on a new volume (e.g. "xfs", "ext4").', examples: ['xfs'] },
        'dvdi/iops': { type: 'string', description: 'REX-Ray: provisioned IOPS, a positive integer written as a string.', examples: ['1000'] },
        'dvdi/overwritefs': { type: 'string', description: 'REX-Ray: format the volume when it is created, erasing any data on it. Marathon accepts only "true" here, and a dry run refuses it; leave it out unless the data may be lost.', examples: ['true'] },
        'dvdi/size': { type: 'string', description: 'Driver-side size option; `external.size` overrides it.', examples: ['10'] },
      },
      additionalProperties: { type: 'string' },
      examples: [{ 'dvdi/driver': 'rexray', 'dvdi/volumetype': 'gp2' }],
    },
  }, [], { description: 'The external volume: who provides it and how.' }),
  appSecretVolume: obj(
    {
      containerPath,
      secret: { type: 'string', minLength: 1, description: 'Name of an entry of `secrets` whose value becomes the file.' },
    },
    ['containerPath', 'secret'],
    { title: 'Secret volume', description: 'Exposes a secret as a file (Marathon 1.5+, `secrets` feature).' },
  ),
};
