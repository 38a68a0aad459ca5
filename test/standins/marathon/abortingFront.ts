// Stand-in for what resets a connection to Marathon after Marathon read the request: an abortive close (SO_LINGER 0:
// a proxy or balancer in front that drops its side with RST), or a host that lost the connection (Marathon's host
// rebooted, its address moved to another node) answering the gate's next segment with RST. A TCP front for a
// stand-in Marathon: bytes pass both ways untouched until a request carrying `marker` has been passed on whole and
// Marathon starts to answer it; that answer is dropped and the client's connection reset (Node's resetAndDestroy sets
// SO_LINGER 0, so Linux sends RST, not FIN), once. `fin` instead ends the connection cleanly at that point (a process
// killed after reading the request: its kernel closes the socket with nothing unread, which sends FIN). With `tls`,
// an HTTPS Marathon: the front ends TLS and resets the TCP connection under it.
import { connect, createServer, type AddressInfo, type Socket } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';

export interface AbortingFront {
  url: string;
  /** Answers dropped with their connection reset (or ended, `fin`). */
  aborted(): number;
  close(): Promise<void>;
}

export async function startAbortingFront(marathonPort: number, marker: string, how: 'reset' | 'fin' = 'reset', tls?: { cert: string; key: string }): Promise<AbortingFront> {
  let aborted = 0;
  const open = new Set<Socket>();
  const relay = (client: Socket) => {
    const upstream = connect(marathonPort, '127.0.0.1');
    open.add(client).add(upstream);
    let sent = '';
    client.on('data', (chunk: Buffer) => {
      sent = (sent + chunk.toString('latin1')).slice(-64 * 1024);
      upstream.write(chunk);
    });
    upstream.on('data', (chunk: Buffer) => {
      if (aborted === 0 && sent.includes(marker)) {
        aborted++;
        // A TLS socket's own handle is TLS: the RST goes out on the TCP socket under it.
        if (how === 'reset') ((client as Socket & { _parent?: Socket })._parent ?? client).resetAndDestroy();
        else client.end();
        upstream.destroy();
        return;
      }
      sent = '';
      client.write(chunk);
    });
    const gone = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    for (const s of [client, upstream]) {
      s.on('close', gone);
      s.on('error', gone);
    }
  };
  const server = tls ? createTlsServer(tls, relay) : createServer(relay);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `${tls ? 'https' : 'http'}://127.0.0.1:${(server.address() as AddressInfo).port}`,
    aborted: () => aborted,
    close: async () => {
      for (const s of open) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
