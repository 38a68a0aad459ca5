/** Reads the token a client sends: the first in the file, or the `name:token` line named by --token-name. */
import { readFileSync } from 'node:fs';
import { UsageError } from './args';

export function readClientToken(path: string, name?: string): string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new UsageError(`--token-file ${path}: cannot read it (${(e as Error).message})`);
  }
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const colon = line.indexOf(':');
    const lineName = colon > 0 ? line.slice(0, colon) : undefined;
    const token = colon > 0 ? line.slice(colon + 1) : line;
    if (name === undefined || lineName === name) return token;
  }
  throw new UsageError(name === undefined ? `--token-file ${path} holds no token` : `--token-file ${path} has no line "${name}:<token>"`);
}
