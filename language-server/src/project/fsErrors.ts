/** Node's file-system error codes → a plain sentence (no errno numbers, no stack). */
const reasons: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied (check the file mode and the directory permissions)',
  EPERM: 'operation not permitted',
  EISDIR: 'is a directory, not a file',
  ENOTDIR: 'a parent of this path is not a directory',
  ELOOP: 'too many levels of symbolic links',
  EMFILE: 'too many open files',
  ENAMETOOLONG: 'file name too long',
  EIO: 'input/output error',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EFBIG: 'file too large',
  EBADF: 'bad file descriptor',
};

/** A path that names something other than a file or a directory, wherever it is met (by name, in a walk, a glob). */
export const notRegularFile = 'not a regular file (a device, socket or FIFO cannot be linted)';

export function describeFsError(e: unknown): string {
  const err = e as NodeJS.ErrnoException;
  const reason = (err?.code && reasons[err.code]) || String(err?.message ?? e);
  return reason;
}
