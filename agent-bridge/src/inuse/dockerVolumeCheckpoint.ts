/**
 * Reads Mesos' docker/volume isolator checkpoints (dvdi-bridge.md §2.5): `<dir>/<ContainerID>/volumes`, JSON
 * `{"volumes":[{"driver","name"}]}`. Read-only and never creating anything in `dir`: a stray entry there would
 * make the agent unmount a volume on its next restart.
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';

export interface DockerVolumeUse {
  containerId: string;
  driver: string;
  name: string;
}

export async function readDockerVolumeCheckpoints(dir: string): Promise<{ uses: DockerVolumeUse[]; problems: string[] }> {
  const uses: DockerVolumeUse[] = [];
  const problems: string[] = [];
  let containers: string[];
  try {
    containers = await readdir(dir);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { uses, problems };
    throw e;
  }
  for (const c of containers) {
    const file = join(dir, c, 'volumes');
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue; // the agent treats a missing file as an empty Info
      throw e;
    }
    if (text.trim() === '') continue;
    try {
      const parsed = JSON.parse(text) as { volumes?: { driver?: unknown; name?: unknown }[] };
      for (const v of parsed.volumes ?? []) {
        if (typeof v.driver === 'string' && typeof v.name === 'string') uses.push({ containerId: c, driver: v.driver, name: v.name });
      }
    } catch (e) {
      // The agent itself would fail recovery on this file; a dry run cannot tell who uses what, so it says so.
      problems.push(`${file} is not valid JSON (${(e as Error).message})`);
    }
  }
  return { uses, problems };
}
