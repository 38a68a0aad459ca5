/**
 * Whether an address is this machine's: what makes `tcp://127.0.0.1:p` and `tcp://10.1.2.3:p` (an address of one of
 * its interfaces) one plugin to the lock (plugin/endpoint.ts). A connection to any of them reaches the same listening
 * socket when the plugin listens on the wildcard address (`rclone serve docker --socket-addr 0.0.0.0:p`, or `:p`), and
 * a connection to a local address never leaves the machine (Linux routes it over `lo`, ip(7) / the `local` routing
 * table). A plugin bound to one address only is not reached through another, so treating them as one can only make
 * the lock and the in-use check more careful (a false "in use" only skips a dry run; a false "free" mounts twice).
 *
 * This host is: loopback (127.0.0.0/8, ::1; RFC 1122 §3.2.1.3, RFC 4291 §2.5.3), the unspecified addresses 0.0.0.0
 * and :: (a connect to them reaches the local host on Linux), and every address os.networkInterfaces() lists now —
 * read at each call (getifaddrs(3): a netlink query on the main thread, no pool thread), so an address the host gains
 * or loses later is seen.
 */
import { networkInterfaces } from 'node:os';
import { isIP } from 'node:net';
import { canonicalAddress } from './hostAddresses';

/** Every address of this host's interfaces, in the spelling canonicalAddress gives. */
export function interfaceAddresses(): Set<string> {
  const out = new Set<string>();
  for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) out.add(canonicalAddress(a.address));
  return out;
}

/** `addr`: an IP address as canonicalAddress spells it. */
export function isThisHost(addr: string, own: ReadonlySet<string> = interfaceAddresses()): boolean {
  if (isIP(addr) === 4 && (addr.startsWith('127.') || addr === '0.0.0.0')) return true;
  if (addr === '::1' || addr === '::') return true;
  return own.has(addr);
}
