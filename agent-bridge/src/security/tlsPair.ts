/**
 * The HTTPS/WSS certificate and key a server was given, checked at start (dvdi-bridge serve, marathon-gate) so
 * that a wrong file is named by its flag: the TLS server would only fail later, as "cannot listen on HOST:PORT"
 * with an OpenSSL code and no file.
 */
import { X509Certificate, createPrivateKey } from 'node:crypto';
import { createSecureContext } from 'node:tls';

/**
 * What is wrong with this pair, in one line naming flag and file; undefined when TLS can use it. `flags`: the
 * command's names for the two files (a client's certificate is `dvdi-bridge dry-run --cert/--key`).
 */
export function tlsPairProblem(cert: string | Buffer, key: string | Buffer, files: { cert: string; key: string }, flags = { cert: '--tls-cert', key: '--tls-key' }): string | undefined {
  try {
    new X509Certificate(cert);
  } catch {
    return `${flags.cert} ${files.cert}: not a PEM certificate`;
  }
  if (/-----BEGIN (ENCRYPTED PRIVATE KEY|[A-Z ]*PRIVATE KEY-----\r?\nProc-Type: 4,ENCRYPTED)/.test(key.toString())) {
    return `${flags.key} ${files.key}: the key is encrypted; give an unencrypted key (no passphrase is asked for)`;
  }
  try {
    createPrivateKey(key);
  } catch {
    return `${flags.key} ${files.key}: not a PEM private key`;
  }
  try {
    createSecureContext({ cert, key });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ERR_OSSL_X509_KEY_VALUES_MISMATCH') return `${flags.key} ${files.key}: not the private key of the certificate in ${flags.cert} ${files.cert}`;
    return `${flags.cert} ${files.cert} with ${flags.key} ${files.key}: cannot serve TLS with them (${code ?? (e as Error).message})`;
  }
  return undefined;
}
