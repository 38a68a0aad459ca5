/**
 * The cluster credential files → the Authorization header Marathon and the Mesos master take
 * (../shared/reference/mesos-master-api.md §6): a DC/OS token file → `token=<t>`, a `user:password` file →
 * `Basic <base64>`. Errors name the flag and the file.
 */
import { readFileSync } from 'node:fs';

export class CredentialsError extends Error {}

export function readCredentialFile(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new CredentialsError(`${flag} ${file}: cannot read it (${why})`);
  }
}

/** `--marathon-token-file` / `--marathon-credentials-file` (at most one) → the header value, or undefined. */
export function authorizationFromFiles(o: { tokenFile?: string; credentialsFile?: string }): string | undefined {
  if (o.tokenFile !== undefined && o.credentialsFile !== undefined) throw new CredentialsError('give --marathon-token-file or --marathon-credentials-file, not both');
  if (o.tokenFile !== undefined) {
    const token = readCredentialFile('--marathon-token-file', o.tokenFile).trim();
    if (token === '' || /\s/.test(token)) throw new CredentialsError(`--marathon-token-file ${o.tokenFile}: expected one DC/OS token (no spaces or lines), found ${token === '' ? 'an empty file' : 'whitespace inside'}`);
    return `token=${token}`;
  }
  if (o.credentialsFile !== undefined) {
    const cred = readCredentialFile('--marathon-credentials-file', o.credentialsFile).replace(/\r?\n$/, '');
    if (cred.indexOf(':') <= 0 || cred.includes('\n')) throw new CredentialsError(`--marathon-credentials-file ${o.credentialsFile}: expected one line user:password (the user may not contain ":")`);
    return `Basic ${Buffer.from(cred).toString('base64')}`;
  }
  return undefined;
}
