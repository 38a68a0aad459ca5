/**
 * Reads a request body into memory up to a bound. The gate must see a whole definition before judging it;
 * past the bound it stops reading and hands back what it has, so the caller can refuse or stream the rest on.
 */
import type { IncomingMessage } from 'node:http';

export type BodyRead =
  | { kind: 'complete'; body: Buffer }
  | { kind: 'too-large'; head: Buffer[] }
  | { kind: 'aborted' };

export function readBody(req: IncomingMessage, limit: number): Promise<BodyRead> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: BodyRead) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      resolve(r);
    };
    const onData = (chunk: Buffer) => {
      chunks.push(chunk);
      size += chunk.length;
      if (size > limit) {
        req.pause();
        finish({ kind: 'too-large', head: chunks });
      }
    };
    req.on('data', onData);
    req.once('end', () => finish({ kind: 'complete', body: chunks.length === 1 ? chunks[0] : Buffer.concat(chunks, size) }));
    // A client that goes away mid-body: nothing is forwarded, nothing judged.
    req.once('aborted', () => finish({ kind: 'aborted' }));
    req.once('error', () => finish({ kind: 'aborted' }));
    req.once('close', () => finish(req.complete ? { kind: 'complete', body: Buffer.concat(chunks, size) } : { kind: 'aborted' }));
  });
}
