/**
 * Resending a proxied request, once, that a kept-alive connection to Marathon lost before any answer: Marathon (or a
 * proxy in front of it) closed the connection as the request went out, so the client would get a 502 for a request
 * Marathon never saw. Only what is safe to send twice is resent (RFC 9110 §9.2.2 lets a client repeat a request
 * automatically only when it knows it may), on a new connection; anything else gets the 502.
 */
import type { ClientRequest, IncomingMessage } from 'node:http';
import type { Socket } from 'node:net';

interface Attempt {
  proxyReq: ClientRequest;
  socket: Socket;
  /** The socket's bytes read before this request: more at the failure means Marathon began to answer. */
  readBefore: number;
}

export interface Resends {
  /** Called before the request is handed to http-proxy-3, which appends its `X-Forwarded-*` to the client's headers. */
  forwarding(req: IncomingMessage): void;
  /** Called as each attempt gets its connection (http-proxy-3's `proxyReq` event). */
  attempted(req: IncomingMessage, proxyReq: ClientRequest, socket: Socket): void;
  /** The client's headers as first received, to forward a resend with; undefined when this request may not be resent. */
  resendable(req: IncomingMessage, err: unknown, bodyHeld: boolean): IncomingMessage['headers'] | undefined;
  /** Whether this request's last attempt went out on a connection an earlier request had used. */
  reused(req: IncomingMessage): boolean;
}

export function resends(): Resends {
  const attempts = new WeakMap<IncomingMessage, Attempt>();
  const resent = new WeakSet<IncomingMessage>();
  const original = new WeakMap<IncomingMessage, IncomingMessage['headers']>();
  return {
    forwarding(req) {
      if (!original.has(req)) original.set(req, { ...req.headers });
    },
    attempted(req, proxyReq, socket) {
      attempts.set(req, { proxyReq, socket, readBefore: socket.bytesRead });
    },
    resendable(req, err, bodyHeld) {
      const a = attempts.get(req);
      const headers = original.get(req);
      if (!a || !headers || resent.has(req) || !a.proxyReq.reusedSocket || a.socket.bytesRead > a.readBefore) return undefined;
      const e = err as NodeJS.ErrnoException | undefined;
      if (e?.code !== 'ECONNRESET' && e?.code !== 'EPIPE') return undefined;
      // A GET or HEAD without a body changes nothing at Marathon (marathon-api.md §4–§6: reads only), so sending it
      // again is safe whatever Marathon saw of the first one.
      const read = (req.method === 'GET' || req.method === 'HEAD') && !hasBody(req);
      // A write is resent only when writing the request itself failed (syscall write): the bytes of that write never
      // went out, so Marathon never had the whole request and cannot have acted on it. A reset met while reading
      // (syscall read) proves nothing: Linux sends RST on a close with unread data, but also on an abortive close after
      // a full read (SO_LINGER 0: a proxy or balancer in front) and from a host that lost the connection (rebooted, its
      // address moved) answering the next segment; Marathon may have deployed it (test/gate/readThenReset.test.ts).
      // Nor does a clean end of stream ("socket hang up"): Marathon may have read it and gone down mid-work. The body
      // must be one the gate still holds (a judged write); a streamed body is gone.
      const unread = bodyHeld && e.syscall === 'write';
      if (!read && !unread) return undefined;
      resent.add(req);
      return headers;
    },
    reused: (req) => attempts.get(req)?.proxyReq.reusedSocket === true,
  };
}

function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (length !== undefined && length !== '0');
}
