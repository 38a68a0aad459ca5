/**
 * Hop-by-hop headers (RFC 7230 §6.1): `Connection`, every header it names, and the fixed set below are
 * meant for one connection only, so a proxy drops them in both directions. `Transfer-Encoding` is left to
 * Node, which re-frames the body on each side.
 */
import type { IncomingHttpHeaders } from 'node:http';

const fixed = ['connection', 'keep-alive', 'proxy-connection', 'te', 'trailer', 'upgrade', 'proxy-authenticate', 'proxy-authorization'];

export function dropHopByHop(headers: IncomingHttpHeaders): void {
  const named = headers.connection;
  if (typeof named === 'string') {
    for (const h of named.split(',')) {
      const name = h.trim().toLowerCase();
      if (name !== '' && name !== 'transfer-encoding' && name !== 'content-length') delete headers[name];
    }
  }
  for (const h of fixed) delete headers[h];
}
