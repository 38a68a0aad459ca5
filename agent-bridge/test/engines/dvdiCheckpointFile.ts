/**
 * Writes mesos-module-dvdi's checkpoint the way the agent does (dvdi-bridge.md §1.5): stout's protobuf::write, a
 * 4-byte little-endian length, then a serialized ExternalMountList. The protobuf is encoded by hand, so the tests
 * do not trust the bridge's own decoder to make their input.
 */
import type { ExternalMount } from '../../src/inuse/dvdiCheckpoint';

export function varint(n: number): Buffer {
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return Buffer.from(out);
}
export const field = (no: number, wire: number) => varint(no * 8 + wire);
export const str = (no: number, s: string) => {
  const b = Buffer.from(s, 'utf8');
  return Buffer.concat([field(no, 2), varint(b.length), b]);
};
export const bool = (no: number, v: boolean) => Buffer.concat([field(no, 0), varint(v ? 1 : 0)]);

/** ExternalMount{1 containerid, 2 volumedriver, 3 volumename, 4 mountpoint, 5 options, 6 container_path, 7 dvdcli_path, 8 explicit_create}. */
export function externalMount(m: Partial<ExternalMount>, extra: Buffer = Buffer.alloc(0)): Buffer {
  const parts = [
    m.containerId !== undefined ? str(1, m.containerId) : undefined,
    m.volumeDriver !== undefined ? str(2, m.volumeDriver) : undefined,
    m.volumeName !== undefined ? str(3, m.volumeName) : undefined,
    m.mountpoint !== undefined ? str(4, m.mountpoint) : undefined,
    m.options !== undefined ? str(5, m.options) : undefined,
    m.containerPath !== undefined ? str(6, m.containerPath) : undefined,
    m.dvdcliPath !== undefined ? str(7, m.dvdcliPath) : undefined,
    m.explicitCreate !== undefined ? bool(8, m.explicitCreate) : undefined,
    extra,
  ].filter((x): x is Buffer => x !== undefined);
  return Buffer.concat(parts);
}
export const mountList = (mounts: Buffer[]) => Buffer.concat(mounts.map((m) => Buffer.concat([field(1, 2), varint(m.length), m])));
/** stout's protobuf::write: native-endian (x86: little-endian) uint32 length, then the message. */
export function stoutFile(msg: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32LE(msg.length);
  return Buffer.concat([len, msg]);
}
