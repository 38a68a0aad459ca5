// Stand-in for the idle timeout of Marathon's Jetty connector (connector.setIdleTimeout(30000),
// M:src/main/scala/mesosphere/marathon/api/HttpModule.scala@0513cddcac L127): a TCP front for a stand-in Marathon that
// ends a connection on which nothing moved for `idleMs` (30 s in Marathon; short here), as Jetty closes it; a client
// learns of the close only from the socket (Jetty adds no `Keep-Alive: timeout=` hint, marathon-api.md §1). `crossing`:
// the close and the client's next request always cross on the wire, the race at its worst: the connection is kept
// until bytes arrive after `idleMs`, then closed without passing them on, so Marathon never sees that request. `reset`:
// closed unread, as Jetty closing with the request in its buffer (Linux answers that close with RST); `end`: a clean
// end of stream, as when Jetty's close went out before the request arrived.
import { connect, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface IdleConnector {
  url: string;
  /** Connections the front accepted, each one TCP connection from the client. */
  connections(): number;
  /** Connections closed as a request arrived (`crossing`). */
  resets(): number;
  close(): Promise<void>;
}

export async function startIdleConnector(marathonPort: number, idleMs: number, crossing?: 'reset' | 'end'): Promise<IdleConnector> {
  let accepted = 0;
  let reset = 0;
  const open = new Set<Socket>();
  const server = createServer((client) => {
    accepted++;
    const upstream = connect(marathonPort, '127.0.0.1');
    open.add(client).add(upstream);
    let last = Date.now();
    let timer: NodeJS.Timeout | undefined;
    const idleClose = () => {
      client.end();
      upstream.end();
    };
    const moved = () => {
      last = Date.now();
      if (crossing) return;
      clearTimeout(timer);
      timer = setTimeout(idleClose, idleMs);
    };
    client.on('data', (chunk: Buffer) => {
      if (crossing && Date.now() - last >= idleMs) {
        reset++;
        if (crossing === 'reset') client.resetAndDestroy();
        else client.end();
        upstream.destroy();
        return;
      }
      moved();
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      moved();
      client.write(chunk);
    });
    moved();
    const gone = () => {
      clearTimeout(timer);
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('close', gone);
    upstream.on('close', gone);
    client.on('error', gone);
    upstream.on('error', gone);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    connections: () => accepted,
    resets: () => reset,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
