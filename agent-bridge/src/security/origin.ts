/**
 * Browsers attach an Origin header to every websocket handshake and let any web page open a socket to
 * localhost or the agent's address (cross-site websocket hijacking). Non-browser clients (the CLI, the
 * language server, ws) send none. So: no Origin → allowed (the token still decides); an Origin → allowed
 * only if listed with --allow-origin, compared after normalising case and default ports.
 */
function normaliseOrigin(origin: string): string | undefined {
  try {
    const u = new URL(origin);
    return u.origin.toLowerCase(); // URL drops default ports (:443 for https) and any path
  } catch {
    return undefined;
  }
}

export function createOriginCheck(allowed: string[]): (origin: string | undefined) => boolean {
  const set = new Set(allowed.map((o) => normaliseOrigin(o) ?? o.toLowerCase()));
  return (origin) => {
    if (origin === undefined) return true;
    const n = normaliseOrigin(origin);
    return n !== undefined && n !== 'null' && set.has(n);
  };
}
