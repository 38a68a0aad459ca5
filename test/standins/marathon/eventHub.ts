// Stand-in Marathon: the `/v2/events` stream with Marathon 1.10's framing (../shared/reference/marathon-api.md §10):
// `event: <type>\r\n` `data: <compact JSON>\r\n` `\r\n`, a bare `\r\n` heartbeat, `event_stream_attached` first,
// `event_type` filters, `Content-Type: text/event-stream;charset=UTF-8`, `Connection: close`.
import type { IncomingMessage, ServerResponse } from 'node:http';

interface Subscriber {
  res: ServerResponse;
  types: Set<string>;
}

export class EventHub {
  private readonly subscribers = new Set<Subscriber>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor(heartbeatMs: number) {
    this.heartbeat = setInterval(() => {
      for (const s of this.subscribers) s.res.write('\r\n');
    }, heartbeatMs);
    this.heartbeat.unref();
  }

  get count(): number {
    return this.subscribers.size;
  }

  attach(req: IncomingMessage, res: ServerResponse, query: URLSearchParams, headers: Record<string, string>): void {
    // A client gone before the stream starts (during a `slow` fault): its response closed already, and a subscriber
    // added now would never see the 'close' that removes it. Jetty holds no stream for a closed connection.
    if (res.destroyed || req.socket.destroyed) return;
    // Jetty ends the stream by closing the connection, no chunked framing (marathon-api.md §10).
    res.useChunkedEncodingByDefault = false;
    res.writeHead(200, { ...headers, 'Content-Type': 'text/event-stream;charset=UTF-8', Connection: 'close' });
    // Sent at once, before any event: Jetty's EventSourceServlet (the framing source marathon-api.md §10 names) flushes
    // them on attaching. Node would hold them back until the first write, which an event_type filter may delay for good.
    res.flushHeaders();
    const sub: Subscriber = { res, types: new Set(query.getAll('event_type')) };
    this.subscribers.add(sub);
    // The response's close, not the request's: a request emits 'close' as soon as its (empty) body is read.
    res.on('close', () => this.subscribers.delete(sub));
    this.write(sub, 'event_stream_attached', { remoteAddress: req.socket.remoteAddress ?? '' });
  }

  publish(eventType: string, data: Record<string, unknown>): void {
    for (const s of this.subscribers) this.write(s, eventType, data);
  }

  /** End every open stream (as a leader change or restart would). */
  disconnectAll(): void {
    for (const s of this.subscribers) s.res.destroy();
    this.subscribers.clear();
  }

  close(): void {
    clearInterval(this.heartbeat);
    this.disconnectAll();
  }

  private write(s: Subscriber, eventType: string, data: Record<string, unknown>): void {
    if (s.types.size > 0 && !s.types.has(eventType)) return;
    const payload = { ...data, eventType, timestamp: new Date().toISOString() };
    s.res.write(`event: ${eventType}\r\ndata: ${JSON.stringify(payload)}\r\n\r\n`);
  }
}
