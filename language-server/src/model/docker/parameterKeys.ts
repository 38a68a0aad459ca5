/**
 * `docker run` flags as `container.docker.parameters` keys (Mesos passes `--<key>=<value>`), for completion and
 * hover. The volume ones first: they are what this project checks (rules/docker/); the rest are the flags seen
 * most in real Marathon definitions. Descriptions follow `docker run --help`.
 */
export interface ParameterKey {
  key: string;
  description: string;
  /** A snippet for the value, in LSP snippet syntax (without quotes). */
  valueSnippet?: string;
}

export const parameterKeys: readonly ParameterKey[] = [
  { key: 'volume-driver', description: 'Volume plugin for the named volumes of this container (`--volume-driver`), e.g. rexray or pxd. One per container: the last one wins.', valueSnippet: '${1:rexray}' },
  { key: 'volume', description: 'A volume (`-v`): `name:/path/in/container[:ro|rw]` for a volume of the volume driver, or `/path/on/agent:/path/in/container[:mode]` for a bind mount. Portworx also reads `name=…,size=…,repl=…:/path`.', valueSnippet: '${1:name}:${2:/data}' },
  { key: 'env', description: 'An environment variable (`-e`), written NAME=value. A bare NAME is copied from the agent\'s environment.', valueSnippet: '${1:NAME}=${2:value}' },
  { key: 'label', description: 'A container label (`--label`), key=value.', valueSnippet: '${1:key}=${2:value}' },
  { key: 'log-driver', description: 'Logging driver of the container (`--log-driver`), e.g. journald, json-file, syslog.', valueSnippet: '${1|journald,json-file,syslog,fluentd,none|}' },
  { key: 'log-opt', description: 'A logging driver option (`--log-opt`), key=value.', valueSnippet: '${1:max-size}=${2:10m}' },
  { key: 'hostname', description: 'Host name inside the container (`--hostname`).' },
  { key: 'user', description: 'User (name or uid[:gid]) the container process runs as (`--user`).' },
  { key: 'workdir', description: 'Working directory inside the container (`--workdir`).' },
  { key: 'cap-add', description: 'Add a Linux capability (`--cap-add`), e.g. NET_ADMIN.' },
  { key: 'ulimit', description: 'A ulimit (`--ulimit`), e.g. nofile=65536:65536.' },
  { key: 'shm-size', description: 'Size of /dev/shm (`--shm-size`), e.g. 1g.' },
  { key: 'volumes-from', description: 'Mount the volumes of another container (`--volumes-from`).' },
];

export function parameterKey(key: string): ParameterKey | undefined {
  return parameterKeys.find((k) => k.key === key);
}
