/** Reads one document's text. Never throws: a read failure is returned as a sentence naming the cause. */
import { openSync, fstatSync, readSync, closeSync, constants } from 'node:fs';
import { describeFsError, notRegularFile } from './fsErrors';
import { decodeSource, type DecodedSource } from './decodeSource';

/** V8 cannot hold a string much above 512 MB; refuse well before that with a clear message. */
const maxFileBytes = 256 * 1024 * 1024;

export type Source = ({ ok: true } & DecodedSource) | { ok: false; error: string };

/**
 * O_NONBLOCK: opening a FIFO for reading would otherwise block until a writer appears (forever, in CI);
 * with it the open returns at once and fstat below refuses the FIFO. No effect on regular files.
 */
const openFlags = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);

export function readFileSource(path: string, limit: number = maxFileBytes): Source {
  let fd: number | undefined;
  try {
    fd = openSync(path, openFlags);
    const st = fstatSync(fd);
    if (st.isDirectory()) return { ok: false, error: 'is a directory, not a file' };
    if (!st.isFile()) return { ok: false, error: notRegularFile };
    if (st.size > limit) return { ok: false, error: `too large (${mb(st.size)} MB; the limit is ${mb(limit)} MB)` };
    // Read to the end, not st.size bytes: procfs and sysfs files report 0 or 4096 whatever they hold, and a file may
    // grow or shrink while we read it. One byte over the size lets a regular file's first pass reach EOF.
    let buf = Buffer.allocUnsafe(Math.min((st.size || 4095) + 1, limit + 1));
    let off = 0;
    for (;;) {
      if (off === buf.length) {
        if (off > limit) return { ok: false, error: `too large (over the ${mb(limit)} MB limit)` };
        const grown = Buffer.allocUnsafe(Math.min(buf.length * 2, limit + 1));
        buf.copy(grown, 0, 0, off);
        buf = grown;
      }
      const n = readSync(fd, buf, off, buf.length - off, null);
      if (n === 0) break;
      off += n;
    }
    return { ok: true, ...withoutByteOrderMark(decodeSource(buf.subarray(0, off))) };
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Node reads a directory on fd 0 (`marathon-lint - < dir`) as an empty stream: say what it is instead of linting "". */
function stdinIsDirectory(stdin: NodeJS.ReadableStream): boolean {
  if (stdin !== process.stdin) return false;
  try {
    return fstatSync(0).isDirectory();
  } catch {
    return false;
  }
}

export async function readStdinSource(stdin: NodeJS.ReadableStream): Promise<Source> {
  if (stdinIsDirectory(stdin)) return { ok: false, error: 'is a directory, not a file' };
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of stdin) {
      const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
      size += b.length;
      if (size > maxFileBytes) return { ok: false, error: `too large to lint (over ${mb(maxFileBytes)} MB)` };
      chunks.push(b);
    }
  } catch (e) {
    return { ok: false, error: describeFsError(e) };
  }
  return { ok: true, ...withoutByteOrderMark(decodeSource(Buffer.concat(chunks))) };
}

/**
 * The text as an editor holds it: without the byte-order mark, which no editor counts as a character of the first
 * line (VS Code, Vim, JetBrains; the language server gets the text without it). Counted, it put every column on a
 * BOM file's first line one to the right of the editor's, `file:line:col` links included. Marathon skips the mark too.
 */
function withoutByteOrderMark(source: DecodedSource): DecodedSource {
  if (source.text.charCodeAt(0) !== 0xfeff) return source;
  const text = source.text.slice(1);
  return source.invalidUtf8 ? { text, invalidUtf8: { ...source.invalidUtf8, offset: source.invalidUtf8.offset - 1 } } : { text };
}

function mb(bytes: number): string {
  return (bytes / 1024 / 1024).toFixed(0);
}
