/**
 * The Docker containerizer's own volume form: `container.docker.parameters` entries that Mesos passes to
 * `docker run` as `--<key>=<value>` (one flag per entry, in order). `{"key": "volume-driver", "value": "rexray"}`
 * and `{"key": "volume", "value": "pgdata:/var/lib/postgresql/data"}` make Docker, not dvdcli, ask the volume
 * plugin for the volume; Marathon does not look at them (marathon-rules.md §4.10 `docker-parameter-shape` only).
 */
import { isObject, joinPointer, type AppRef } from '../documentModel';
import { perApp } from '../perDocument';
import { containerizerOf, dockerOf } from '../app/containerizer';

export interface DockerParameter {
  index: number;
  key: string;
  value: string;
  /** Pointer of the `{key, value}` item. */
  pointer: string;
  /** Pointer of its `value`. */
  valuePointer: string;
}

export interface DockerVolumeParameters {
  /** `container.docker.parameters`, items with string key and value only (the schema reports the others). */
  all: DockerParameter[];
  drivers: DockerParameter[];
  volumes: DockerParameter[];
  env: DockerParameter[];
  /** Some item is not a {key, value} of strings (the schema's finding): it might be the driver, so guesses stop. */
  unreadable: boolean;
}

/** `docker run` flags that set a volume driver, a volume, or an environment variable (long names, as Mesos passes them). */
const volumeDriverKeys = new Set(['volume-driver']);
const volumeKeys = new Set(['volume']);
const envKeys = new Set(['env']);

export const dockerParametersOf = perApp((ref: AppRef): DockerVolumeParameters => {
  const out: DockerVolumeParameters = { all: [], drivers: [], volumes: [], env: [], unreadable: false };
  // Only the Docker containerizer applies parameters; with MESOS Marathon rejects them (mesos-docker-unsupported-field).
  const params = containerizerOf(ref.app) === 'DOCKER' ? dockerOf(ref.app)?.parameters : undefined;
  if (!Array.isArray(params)) return out;
  const base = joinPointer(ref.pointer, 'container', 'docker', 'parameters');
  params.forEach((p, index) => {
    if (!isObject(p) || typeof p.key !== 'string' || typeof p.value !== 'string') {
      out.unreadable = true;
      return;
    }
    const pointer = joinPointer(base, index);
    const param: DockerParameter = { index, key: p.key, value: p.value, pointer, valuePointer: pointer + '/value' };
    out.all.push(param);
    const key = p.key.trim();
    if (volumeDriverKeys.has(key)) out.drivers.push(param);
    else if (volumeKeys.has(key)) out.volumes.push(param);
    else if (envKeys.has(key)) out.env.push(param);
  });
  return out;
});

/** The driver Docker uses for named volumes: the last `--volume-driver` wins; undefined = Docker's `local`. */
export function effectiveDriver(p: DockerVolumeParameters): string | undefined {
  const last = p.drivers[p.drivers.length - 1];
  return last === undefined ? undefined : last.value.trim();
}
