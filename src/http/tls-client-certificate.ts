import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConduitError } from '../core/conduit-error.ts';

/** What the adapter's connections present when the CMS asks for a client certificate (mutual TLS). */
export interface ClientCertificate { cert: string; key: string; passphrase?: string }

/** `adapters.<name>.tls`: certFile and keyFile (PEM), keyPassphrase when the key is encrypted. */
export interface ClientCertificateFiles { certFile: string; keyFile: string; keyPassphrase?: string | undefined }

const HINT = 'Point tls.certFile at the PEM client certificate the CMS (or the gateway in front of it) expects and tls.keyFile at its private key; '
  + 'for an encrypted key, set tls.keyPassphrase from the environment (${VARIABLE}). Relative paths start from the working directory.';

function fail(message: string, cause?: unknown): ConduitError {
  return new ConduitError('CFG_TLS_CLIENT_CERT_INVALID', message, { hint: HINT, ...(cause === undefined ? {} : { cause }) });
}

function readPem(file: string, what: string): string {
  try {
    return readFileSync(resolve(file), 'utf8');
  } catch (error) {
    const errno = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw fail(`the client ${what} file ${file} cannot be read (${errno})`, error);
  }
}

/**
 * Reads and checks the client certificate now — it parses, the key opens (with the passphrase when it is
 * encrypted), and the key belongs to the certificate — so a mistake is a config error with its reason
 * instead of a TLS alert from the CMS on the first request. Messages never include the passphrase.
 */
export function readClientCertificate(files: ClientCertificateFiles): ClientCertificate {
  const cert = readPem(files.certFile, 'certificate');
  const key = readPem(files.keyFile, 'key');
  let certificate: X509Certificate;
  try {
    certificate = new X509Certificate(cert);
  } catch (error) {
    throw fail(`${files.certFile} holds no PEM certificate that can be parsed`, error);
  }
  const passphrase = files.keyPassphrase;
  let privateKey: KeyObject;
  try {
    privateKey = createPrivateKey(passphrase === undefined ? { key } : { key, passphrase });
  } catch (error) {
    throw fail(passphrase === undefined
      ? `the private key in ${files.keyFile} cannot be read: it is not a PEM private key, or it is encrypted and tls.keyPassphrase is not set`
      : `the private key in ${files.keyFile} cannot be opened: tls.keyPassphrase is wrong, or the file is not a PEM private key`, error);
  }
  if (!certificate.checkPrivateKey(privateKey)) throw fail(`the private key in ${files.keyFile} does not belong to the certificate in ${files.certFile}`);
  return { cert, key, ...(passphrase === undefined ? {} : { passphrase }) };
}
