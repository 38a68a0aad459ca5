/**
 * The files the command line names → what the gate needs at start: the lint profile, the Authorization
 * header for its own reads of Marathon, the CA and the TLS pair. Every problem names the flag and the file.
 */
import { readFileSync } from 'node:fs';
import { parseConfig, type Profile } from '@marathon-devtools/language-server';
import type { GateCliOptions } from './args';

export interface GateFiles {
  profile: Profile;
  /** `token=<t>` (DC/OS) or `Basic <base64>`; undefined when Marathon needs none. */
  authorization?: string;
  ca?: string;
  tls?: { cert: string; key: string };
  /** Non-fatal notes for the log (config warnings). */
  notes: string[];
}

export class GateStartError extends Error {}

function read(flag: string, file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'it is a directory' : (e as Error).message;
    throw new GateStartError(`${flag} ${file}: cannot read it (${why})`);
  }
}

export function loadGateFiles(o: GateCliOptions): GateFiles {
  const notes: string[] = [];
  let profile: Profile | undefined;
  if (o.config !== undefined) {
    const r = parseConfig(read('--config', o.config), o.config);
    const errors = r.errors.filter((d) => d.severity === 'error');
    if (errors.length > 0) throw new GateStartError(`--config ${o.config}: ${errors.map((d) => `line ${d.range.start.line + 1}: ${d.message}`).join('; ')}`);
    for (const d of r.errors) notes.push(`--config ${o.config}: line ${d.range.start.line + 1}: ${d.message}`);
    profile = r.profile;
  }
  let authorization: string | undefined;
  if (o.tokenFile !== undefined) {
    const token = read('--marathon-token-file', o.tokenFile).trim();
    if (token === '' || /\s/.test(token)) throw new GateStartError(`--marathon-token-file ${o.tokenFile}: expected one DC/OS token (no spaces or lines), found ${token === '' ? 'an empty file' : 'whitespace inside'}`);
    authorization = `token=${token}`;
  }
  if (o.credentialsFile !== undefined) {
    const cred = read('--marathon-credentials-file', o.credentialsFile).replace(/\r?\n$/, '');
    const colon = cred.indexOf(':');
    if (colon <= 0 || cred.includes('\n')) throw new GateStartError(`--marathon-credentials-file ${o.credentialsFile}: expected one line user:password (the user may not contain ":")`);
    authorization = `Basic ${Buffer.from(cred).toString('base64')}`;
  }
  const ca = o.caFile !== undefined ? read('--marathon-ca', o.caFile) : undefined;
  if (ca !== undefined && !ca.includes('-----BEGIN CERTIFICATE-----')) throw new GateStartError(`--marathon-ca ${o.caFile}: not a PEM certificate bundle`);
  const tls = o.tlsCert !== undefined && o.tlsKey !== undefined ? { cert: read('--tls-cert', o.tlsCert), key: read('--tls-key', o.tlsKey) } : undefined;
  return { profile: profile ?? parseConfig('{}', 'defaults').profile, authorization, ca, tls, notes };
}
