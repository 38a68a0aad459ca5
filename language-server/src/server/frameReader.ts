/**
 * The stdio message reader: LSP base-protocol framing (`Content-Length: N\r\n\r\n<N bytes of JSON>`,
 * LSP specification §"Base Protocol") that survives a bad frame. vscode-jsonrpc's stream reader reports a
 * non-numeric, negative or too-small Content-Length, a missing header or junk bytes as an error and then
 * misreads everything after it, so the server stays alive but never answers again. This reader logs one
 * line per bad frame and resynchronises on the next `Content-Length:` header, so the next valid request
 * is answered. LF-only header endings (`\n\n`) are accepted, as many hand-written clients send them.
 */
import { AbstractMessageReader, type DataCallback, type Disposable, type Message, type MessageReader } from 'vscode-languageserver/node';

const marker = Buffer.from('content-length:');
/** A frame larger than this is refused (no client sends 64 MiB of JSON; it is junk or an attack). */
const maxFrameBytes = 64 * 1024 * 1024;
/**
 * Junk with no valid frame in between: past this much, the client is not speaking LSP (or its stream is
 * beyond repair), so the reader gives up with one line and the process exits; the client restarts it.
 */
const maxJunkBytes = 1024 * 1024;
/** Header lines after Content-Length (Content-Type) are short; a "header" longer than this is junk. */
const maxHeaderBytes = 1024;

/** Case-insensitive search for the ASCII `marker` in `buf` from `from`. */
function indexOfMarker(buf: Buffer, from: number): number {
  for (let i = buf.indexOf(0x3a /* ':' */, from + marker.length - 1); i !== -1; i = buf.indexOf(0x3a, i + 1)) {
    const start = i - marker.length + 1;
    if (start < from) continue;
    let ok = true;
    for (let k = 0; k < marker.length - 1 && ok; k++) ok = (buf[start + k] | 0x20) === marker[k];
    if (ok) return start;
  }
  return -1;
}

export type FrameProblem = (line: string) => void;

/** Splits a byte stream into JSON-RPC messages, skipping whatever is not a valid frame. */
class FrameParser {
  private buf: Buffer = Buffer.alloc(0);
  /**
   * Chunks that arrived while the frame at the start of `buf` was still short of `need` bytes (its header read, its
   * body not yet all here). They are joined once the body is complete: joining and re-scanning the whole buffer for
   * every 64 KiB chunk made a large didOpen quadratic (10 MB took 2 s to frame, 30 MB 30 s).
   */
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  /** Bytes the frame at the start of `buf` needs, header included; 0 while its header has not been read. */
  private need = 0;
  /** After a bad frame, the junk up to the next header is skipped without a second log line. */
  private quiet = false;

  private junk = 0;
  private failed = false;

  constructor(
    private readonly onMessage: (m: Message) => void,
    private readonly onProblem: FrameProblem,
    private readonly onFatal: FrameProblem = onProblem,
  ) {}

  push(chunk: Buffer): void {
    if (this.failed) return;
    if (this.need > 0 && this.buf.length + this.pendingBytes + chunk.length < this.need) {
      this.pending.push(chunk);
      this.pendingBytes += chunk.length;
      return;
    }
    this.buf = this.buf.length === 0 && this.pending.length === 0 ? chunk : Buffer.concat([this.buf, ...this.pending, chunk]);
    this.pending = [];
    this.pendingBytes = 0;
    this.need = 0;
    while (this.step());
  }

  /** Consumes one frame (or junk) from the buffer; false when more bytes are needed. */
  private step(): boolean {
    const buf = this.buf;
    const at = indexOfMarker(buf, 0);
    if (at === -1) {
      // Keep only a tail that could be the start of a header split across chunks.
      const keep = Math.min(buf.length, marker.length - 1);
      if (buf.length > keep && /\S/.test(buf.subarray(0, buf.length - keep).toString('latin1'))) this.skip(buf.length - keep, 'bytes that are not a Content-Length header');
      else this.buf = buf.subarray(buf.length - keep);
      return false;
    }
    if (at > 0) {
      if (/\S/.test(buf.subarray(0, at).toString('latin1'))) return this.skip(at, 'bytes before a Content-Length header');
      this.buf = buf.subarray(at);
      return true;
    }
    // Header block: up to \r\n\r\n (or \n\n).
    const crlf = buf.indexOf('\r\n\r\n');
    const lf = buf.indexOf('\n\n');
    const ends = [crlf === -1 ? -1 : crlf + 4, lf === -1 ? -1 : lf + 2].filter((e) => e > 0);
    const end = ends.length ? Math.min(...ends) : -1;
    // Only a header starting inside this header block matters (not one quoted in the body).
    const next = indexOfMarker(end === -1 ? buf : buf.subarray(0, end), 1);
    if (end === -1 || (next !== -1 && next < end)) {
      if (next !== -1) return this.skip(next, 'a header block that never ended before the next Content-Length');
      if (buf.length > maxHeaderBytes) return this.skip(buf.length, 'a header block longer than 1 KiB');
      return false;
    }
    const header = buf.subarray(0, end).toString('ascii');
    const lines = header.split(/\r?\n/).filter((l) => l.length > 0);
    const value = lines[0].slice(marker.length).trim();
    const badLine = lines.slice(1).find((l) => !/^[A-Za-z-]+:/.test(l));
    if (!/^\d+$/.test(value) || badLine !== undefined) {
      return this.skip(end, badLine !== undefined ? `a malformed header line ${JSON.stringify(badLine.slice(0, 60))}` : `Content-Length ${JSON.stringify(value.slice(0, 40))}, which is not a non-negative whole number`);
    }
    const length = Number(value);
    if (length > maxFrameBytes) return this.fatal(`Content-Length ${length} is over the 64 MiB limit, so the stream cannot be followed any further`);
    if (buf.length < end + length) {
      this.need = end + length;
      return false;
    }
    const body = buf.subarray(end, end + length).toString('utf8');
    let message: unknown;
    try {
      message = JSON.parse(body);
    } catch {
      // Too small a length (or junk): the body is not JSON. Resume right after the header, so a valid
      // frame inside what was claimed as the body is still found.
      return this.skip(end, `a body of ${length} bytes that is not JSON (${JSON.stringify(body.slice(0, 40))}${body.length > 40 ? '…' : ''}); is Content-Length right?`);
    }
    this.buf = buf.subarray(end + length);
    this.quiet = false;
    this.junk = 0;
    if (typeof message !== 'object' || message === null || Array.isArray(message)) this.onProblem(`ignored a frame whose body is not a JSON-RPC message object: ${body.slice(0, 60)}`);
    else this.onMessage(message as Message);
    return true;
  }

  private fatal(line: string): boolean {
    this.failed = true;
    this.buf = Buffer.alloc(0);
    this.onFatal(line);
    return false;
  }

  private skip(n: number, what: string): boolean {
    this.junk += n;
    if (this.junk > maxJunkBytes) return this.fatal(`no valid frame in the last ${this.junk} bytes of input: not an LSP client, or its stream is beyond repair`);
    if (!this.quiet) this.onProblem(`ignored ${what}; skipped ${n} byte${n === 1 ? '' : 's'} and waiting for the next valid frame`);
    this.quiet = true;
    this.buf = this.buf.subarray(n);
    return true;
  }
}

/** A vscode-jsonrpc MessageReader over a readable stream, framing with FrameParser. */
export class ResyncMessageReader extends AbstractMessageReader implements MessageReader {
  constructor(
    private readonly input: NodeJS.ReadableStream,
    private readonly onProblem: FrameProblem,
    private readonly onFatal: FrameProblem,
  ) {
    super();
  }

  listen(callback: DataCallback): Disposable {
    const parser = new FrameParser(callback, this.onProblem, this.onFatal);
    const onData = (chunk: Buffer | string) => parser.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
    const onError = (e: Error) => this.fireError(e);
    const onClose = () => this.fireClose();
    this.input.on('data', onData);
    this.input.on('error', onError);
    this.input.on('end', onClose);
    return {
      dispose: () => {
        this.input.off('data', onData);
        this.input.off('error', onError);
        this.input.off('end', onClose);
      },
    };
  }
}
