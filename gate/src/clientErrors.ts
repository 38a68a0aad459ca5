/**
 * What a client gets when Node's HTTP parser refuses its request before the gate sees it. Node answers at once, ahead
 * of the answers still owed to requests pipelined before it on the connection, which it then destroys: those answers
 * were lost (a write among them deployed all the same). Here every such answer comes after them, as Jetty gives it
 * (RFC 9112 §9.3.2: answers in the order of the requests). A request target with a character HTTP does not allow
 * there (llhttp's HPE_INVALID_URL) gets Marathon's error shape, naming the problem and the target to send instead;
 * other parse errors get Node's own bare answer.
 *
 * Raw bytes outside ASCII (`GET /v2/apps/é` sent as UTF-8, not as `%C3%A9`): Marathon 1.10's Jetty 9.4.8
 * (M:project/Dependencies.scala@0513cddcac) takes bytes 0x80–0xFF in a target and reads it as UTF-8
 * (jetty/jetty.project:jetty-http/src/main/java/org/eclipse/jetty/http/HttpParser.java@jetty-9.4.8.v20171121: obs-text
 * is LEGAL, the target gathered in a Utf8StringBuilder), and answers 400 when it is not UTF-8. Node's parser takes no
 * such byte, under any option, so the gate cannot pass such a request on; RFC 3986 §2.1 asks for them percent-encoded,
 * which Marathon reads as the same path, and the answer says so with the encoded target.
 */
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { MarathonErrorBody } from './marathonErrors';

type ParseError = NodeJS.ErrnoException & { rawPacket?: Buffer; bytesParsed?: number };

/**
 * `answered(socket)`: settles once every request read so far on that connection has been answered (gate.ts, the
 * pipelining order); undefined when none is owed an answer, or when the one in flight is not read whole, for the
 * error is then that request's own (a body cut short), which no answer of its own will end.
 */
export function answerClientErrors(server: Server, answered: (socket: Socket) => Promise<void> | undefined): void {
  const done = new WeakSet<Socket>();
  server.on('clientError', (err: ParseError, socket: Socket) => {
    if (done.has(socket)) return;
    done.add(socket);
    const text = err.code === 'HPE_INVALID_URL' ? withJson(invalidTarget(err.rawPacket, err.bytesParsed)) : nodeAnswer(err);
    // A socket error (the client's reset) is no request to wait for: such a connection goes at once.
    const previous = err.code?.startsWith('HPE_') || err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? answered(socket) : undefined;
    if (previous) return void previous.then(() => (socket.writable ? socket.end(text, () => socket.destroy()) : socket.destroy()));
    // As Node does: no answer over one already under way.
    const inFlight = (socket as Socket & { _httpMessage?: { _headerSent?: boolean } | null })._httpMessage;
    if (socket.writable && !inFlight?._headerSent) socket.write(text);
    socket.destroy(err);
  });
}

function withJson(e: MarathonErrorBody): string {
  return `HTTP/1.1 ${e.status} Bad Request\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(e.body)}\r\nConnection: close\r\n\r\n${e.body}`;
}

/** Node's own answers to the other parse errors (lib/_http_server.js, socketOnError, silent once 'clientError' is listened to). */
function nodeAnswer(err: ParseError): string {
  const status = err.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large'
    : err.code === 'HPE_CHUNK_EXTENSIONS_OVERFLOW' ? '413 Payload Too Large'
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout'
        : '400 Bad Request';
  return `HTTP/1.1 ${status}\r\nConnection: close\r\n\r\n`;
}

/** The answer for a request target refused at byte `at` of `raw` (the chunk the parser was reading). */
export function invalidTarget(raw: Buffer | undefined, at: number | undefined): MarathonErrorBody {
  const bad = raw && at !== undefined && at < raw.length ? raw[at] : undefined;
  const target = raw && at !== undefined ? targetAround(raw, at) : undefined;
  let message: string;
  if (bad === undefined) {
    message = 'Bad Request: the request target holds a character HTTP does not allow there; percent-encode it (RFC 3986 §2.1).';
  } else if (bad < 0x80) {
    message = `Bad Request: the request target holds a character HTTP does not allow there (byte 0x${hex(bad)}); percent-encode it (RFC 3986 §2.1).`;
  } else {
    // The target to send is named whole, never cut: a cut one is no target anyone can send. It is bounded by the
    // request line Node's parser took (its 16 KiB header limit), before the gate saw it.
    const text = target && utf8(target);
    message = text === undefined
      ? `Bad Request: the request target holds bytes outside ASCII that are not UTF-8 (0x${hex(bad)}), which Marathon refuses too (400). ` +
        'Send the path with its characters percent-encoded as UTF-8 (RFC 3986 §2.1).'
      : `Bad Request: the request target ${shown(text)} holds characters outside ASCII sent as raw bytes, which HTTP requires ` +
        `percent-encoded (RFC 3986 §2.1) and marathon-gate cannot pass on. Send ${encodeNonAscii(text)}: Marathon reads it as the same path.`;
  }
  return { status: 400, body: JSON.stringify({ message }) };
}

/** The whole target around `at` (from the space after the method to the next space or line end), if the chunk holds it. */
function targetAround(raw: Buffer, at: number): Buffer | undefined {
  let start = at;
  while (start > 0 && raw[start - 1] !== 0x20 && raw[start - 1] !== 0x0a) start--;
  if (start === 0 || raw[start - 1] !== 0x20) return undefined;
  let end = at;
  while (end < raw.length && raw[end] !== 0x20 && raw[end] !== 0x0d && raw[end] !== 0x0a) end++;
  return end < raw.length ? raw.subarray(start, end) : undefined;
}

function utf8(bytes: Buffer): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** Only the characters outside ASCII: what the client sent as `%XX` stays as sent. */
function encodeNonAscii(text: string): string {
  return text.replace(/[^\x00-\x7f]+/g, (s) => encodeURIComponent(s));
}

function shown(target: string): string {
  return target.length > 200 ? `${target.slice(0, 199)}…` : target;
}

function hex(b: number): string {
  return b.toString(16).toUpperCase().padStart(2, '0');
}
