/**
 * Bearer tokens from a file: one per line, optionally `name:token`. Blank lines and `#` comments are skipped.
 * Matching hashes the presented token and compares it with every stored hash through crypto.timingSafeEqual,
 * without stopping at the first match, so neither the token's content nor its position in the file leaks
 * through response timing. Only the token's *name* ever leaves this module (logs, policy lookup).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';

export interface TokenStore {
  /** The token's name, or undefined when no token matches. */
  match(presented: string): string | undefined;
  names(): string[];
}

/** Short tokens can be guessed online; 16 characters is the floor, `openssl rand -hex 32` gives 64. */
const MIN_TOKEN_LENGTH = 16;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;

export class TokenFileError extends Error {}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The first character of a token an HTTP header cannot carry (beyond Latin-1, or a control), as U+XXXX; undefined if none. */
export function headerUnsafe(token: string): string | undefined {
  const c = /[^\x20-\x7e\xa0-\xff]/u.exec(token)?.[0];
  return c === undefined ? undefined : `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function parseTokenFile(text: string, source = 'token file'): TokenStore {
  const entries: { name: string; hash: Buffer }[] = [];
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, i) => {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) return;
    const where = `${source}:${i + 1}`;
    const colon = line.indexOf(':');
    const name = colon > 0 ? line.slice(0, colon) : `token${entries.length + 1}`;
    const token = colon > 0 ? line.slice(colon + 1) : line;
    if (colon > 0 && !NAME.test(name)) {
      throw new TokenFileError(`${where}: token name "${name}" is not valid: use letters, digits, '_', '.', '-' (max 64), as in "ci:<token>"`);
    }
    if (token.length < MIN_TOKEN_LENGTH) {
      throw new TokenFileError(`${where}: token is ${token.length} characters, shorter than ${MIN_TOKEN_LENGTH}, so it could be guessed; generate one with \`openssl rand -hex 32\``);
    }
    if (/\s/.test(token)) throw new TokenFileError(`${where}: token contains whitespace, which an Authorization header cannot carry; regenerate it with \`openssl rand -hex 32\``);
    const wide = headerUnsafe(token);
    if (wide) throw new TokenFileError(`${where}: token contains ${wide}, which an Authorization header cannot carry (HTTP headers hold Latin-1 only), so no client could send it; regenerate it with \`openssl rand -hex 32\``);
    if (entries.some((e) => e.name === name)) throw new TokenFileError(`${where}: token name "${name}" appears twice; names must be unique because logs and the policy file refer to them`);
    entries.push({ name, hash: digest(token) });
  });
  if (entries.length === 0) {
    throw new TokenFileError(`${source} has no token, so nobody could connect; add a line such as "admin:$(openssl rand -hex 32)"`);
  }
  return {
    match(presented) {
      const h = digest(presented);
      let found: string | undefined;
      for (const e of entries) if (timingSafeEqual(h, e.hash) && found === undefined) found = e.name;
      return found;
    },
    names: () => entries.map((e) => e.name),
  };
}

export function loadTokenFile(path: string): TokenStore {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new TokenFileError(`cannot read token file ${path}: ${(e as Error).message}; pass --token-file with a readable file holding one token per line`);
  }
  return parseTokenFile(text, path);
}

/** Extracts the token from `Authorization: Bearer <token>`; undefined for a missing or other scheme. */
export function bearerToken(header: string | undefined): string | undefined {
  if (!header) return undefined;
  const m = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return m ? m[1] : undefined;
}

/**
 * Browsers cannot set headers on a websocket handshake, so a page on an --allow-origin origin passes its token as
 * a subprotocol: `new WebSocket(url, ['dvdi-bridge.v1', 'bearer.' + token])`. The server selects
 * `dvdi-bridge.v1` and never echoes the token entry.
 */
export const SUBPROTOCOL = 'dvdi-bridge.v1';

export function subprotocolToken(header: string | string[] | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const p of header.split(',')) {
    const t = p.trim();
    if (t.startsWith('bearer.') && t.length > 'bearer.'.length) return t.slice('bearer.'.length);
  }
  return undefined;
}
