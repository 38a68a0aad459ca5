/**
 * Reads mesos-module-dvdi's checkpoint (`dvdimounts.pb`, dvdi-bridge.md §1.5): a 4-byte little-endian length written by
 * stout's protobuf::write, then a serialized `ExternalMountList`. The module itself forgets to skip the prefix
 * when it recovers; we skip it. Read-only: the file belongs to the agent.
 */
import { readFile } from 'node:fs/promises';

export interface ExternalMount {
  containerId: string;
  volumeDriver: string;
  volumeName: string;
  mountpoint: string;
  options: string;
  containerPath: string;
  dvdcliPath: string;
  explicitCreate: boolean;
}

export const DVDI_CHECKPOINT_FILE = 'dvdimounts.pb';

function readVarint(buf: Buffer, pos: number): [number, number] {
  let result = 0;
  let shift = 0;
  for (;;) {
    if (pos >= buf.length) throw new Error('truncated varint');
    const b = buf[pos++];
    result += (b & 0x7f) * 2 ** shift;
    if ((b & 0x80) === 0) return [result, pos];
    shift += 7;
    if (shift > 63) throw new Error('varint too long');
  }
}

/** Calls `onField(fieldNo, wireType, value)` for each field; length-delimited values are sub-buffers. */
function walk(buf: Buffer, onField: (no: number, value: Buffer | number) => void): void {
  let pos = 0;
  while (pos < buf.length) {
    const [key, p1] = readVarint(buf, pos);
    pos = p1;
    const no = Math.floor(key / 8);
    const wt = key & 7;
    if (wt === 0) {
      const [v, p2] = readVarint(buf, pos);
      pos = p2;
      onField(no, v);
    } else if (wt === 2) {
      const [len, p2] = readVarint(buf, pos);
      if (p2 + len > buf.length) throw new Error('truncated length-delimited field');
      onField(no, buf.subarray(p2, p2 + len));
      pos = p2 + len;
    } else if (wt === 1) pos += 8;
    else if (wt === 5) pos += 4;
    else throw new Error(`unsupported wire type ${wt}`);
  }
}

function decodeExternalMountList(buf: Buffer): ExternalMount[] {
  const mounts: ExternalMount[] = [];
  walk(buf, (no, value) => {
    if (no !== 1 || typeof value === 'number') return;
    const m: ExternalMount = { containerId: '', volumeDriver: '', volumeName: '', mountpoint: '', options: '', containerPath: '', dvdcliPath: '', explicitCreate: false };
    const strings: Record<number, keyof ExternalMount> = { 1: 'containerId', 2: 'volumeDriver', 3: 'volumeName', 4: 'mountpoint', 5: 'options', 6: 'containerPath', 7: 'dvdcliPath' };
    walk(value, (f, v) => {
      if (f === 8 && typeof v === 'number') m.explicitCreate = v !== 0;
      else if (strings[f] && typeof v !== 'number') (m as unknown as Record<string, string>)[strings[f]] = v.toString('utf8');
    });
    mounts.push(m);
  });
  return mounts;
}

/** Decodes the file content as stout wrote it (length prefix + message). */
function decodeDvdiCheckpoint(file: Buffer): ExternalMount[] {
  if (file.length === 0) return [];
  if (file.length < 4) throw new Error(`checkpoint is ${file.length} bytes, shorter than its 4-byte length prefix`);
  const len = file.readUInt32LE(0);
  if (4 + len > file.length) throw new Error(`checkpoint says ${len} bytes follow but only ${file.length - 4} do`);
  return decodeExternalMountList(file.subarray(4, 4 + len));
}

/** Missing file = no mounts (the agent has not run the module, or /var/run was wiped). */
export async function readDvdiCheckpoint(path: string): Promise<ExternalMount[]> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw e;
  }
  return decodeDvdiCheckpoint(buf);
}
