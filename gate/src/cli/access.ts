/**
 * The files the command line names → what the gate needs at start: the lint profile, the credentials and CA
 * for its own reads of Marathon (read by the cluster workspace's Marathon client helpers), the TLS pair. Every
 * problem names the flag and the file.
 */
import { readFileSync } from 'node:fs';
import { defaultProfile, type Diagnostic, type Profile } from '@marathon-devtools/language-server';
import { tlsPairProblem } from '@marathon-devtools/agent-bridge/security/tlsPair';
import { loadProfile } from '@marathon-devtools/language-server/project/loadProfile';
import { MarathonSetupError, readAccessFiles, type MarathonAuth } from '@marathon-devtools/cluster/marathon/options';
import type { GateCliOptions } from './args';

export interface GateFiles {
  profile: Profile;
  /** The gate's own credentials for Marathon; undefined when Marathon needs none. */
  auth?: MarathonAuth;
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
    // The same read and parse as marathon-lint's `--config` and the language server's (one loadProfile).
    const r = loadProfile(o.config, o.config);
    if (!r.ok) throw new GateStartError(`--config ${o.config}: cannot read it (${r.detail})`);
    const errors = r.problems.filter((d) => d.severity === 'error');
    // As marathon-lint words it: the file once, then line:column (the engine puts the name it is given in front).
    const where = (d: Diagnostic) => `--config ${o.config}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message.startsWith(`${o.config}: `) ? d.message.slice(o.config!.length + 2) : d.message}`;
    if (errors.length > 0) throw new GateStartError(errors.map(where).join('; '));
    for (const d of r.problems) notes.push(where(d));
    profile = r.profile;
  }
  let access: { auth?: MarathonAuth; ca?: string };
  try {
    // The Marathon client's one reader of the access flags' files; its message gets the flag in front.
    access = readAccessFiles({ tokenFile: o.tokenFile, credentialsFile: o.credentialsFile, caFile: o.caFile });
  } catch (e) {
    if (e instanceof MarathonSetupError) throw new GateStartError(`${e.flag} ${e.message}`);
    throw e;
  }
  const { auth, ca } = access;
  const tls = o.tlsCert !== undefined && o.tlsKey !== undefined ? tlsPair(o.tlsCert, o.tlsKey) : undefined;
  return { profile: profile ?? { ...defaultProfile, features: [...defaultProfile.features], rules: {} }, auth, ca, tls, notes };
}

/** The HTTPS certificate and key, checked at start (agent-bridge's tlsPair, as dvdi-bridge serve does). */
function tlsPair(certFile: string, keyFile: string): { cert: string; key: string } {
  const cert = read('--tls-cert', certFile);
  const key = read('--tls-key', keyFile);
  const problem = tlsPairProblem(cert, key, { cert: certFile, key: keyFile });
  if (problem) throw new GateStartError(problem);
  return { cert, key };
}
