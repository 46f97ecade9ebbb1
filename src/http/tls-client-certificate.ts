import { createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { createSecureContext } from 'node:tls';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ConduitError } from '../core/conduit-error.ts';

/** What the adapter's connections present when the CMS asks for a client certificate (mutual TLS). */
export type ClientCertificate = { cert: string; key: string; passphrase?: string } | { pfx: Buffer; passphrase?: string };

/**
 * `adapters.<name>.tls`: certFile and keyFile (PEM), or pfxFile (PKCS#12, as Windows exports them), and
 * keyPassphrase when the key or the PKCS#12 file is encrypted.
 */
export type ClientCertificateFiles =
  | { certFile: string; keyFile: string; keyPassphrase?: string | undefined }
  | { pfxFile: string; keyPassphrase?: string | undefined };

const HINT = 'Point tls.certFile at the PEM client certificate the CMS (or the gateway in front of it) expects and tls.keyFile at its private key, '
  + 'or tls.pfxFile at a PKCS#12 (.pfx) export of both; when the key or the .pfx is encrypted, set tls.keyPassphrase from the environment '
  + '(${VARIABLE}). Relative paths start from the working directory.';

/** The client certificate files an adapter's `tls` block names, if any (the config schema allows one form at a time). */
export function clientCertificateFiles(tls: { certFile?: string | undefined; keyFile?: string | undefined; pfxFile?: string | undefined; keyPassphrase?: string | undefined }): ClientCertificateFiles | undefined {
  const passphrase = tls.keyPassphrase === undefined ? {} : { keyPassphrase: tls.keyPassphrase };
  if (tls.pfxFile !== undefined) return { pfxFile: tls.pfxFile, ...passphrase };
  if (tls.certFile !== undefined && tls.keyFile !== undefined) return { certFile: tls.certFile, keyFile: tls.keyFile, ...passphrase };
  return undefined;
}

function fail(message: string, cause?: unknown): ConduitError {
  return new ConduitError('CFG_TLS_CLIENT_CERT_INVALID', message, { hint: HINT, ...(cause === undefined ? {} : { cause }) });
}

function readFile(file: string, what: string): Buffer {
  try {
    return readFileSync(resolve(file));
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
  if ('pfxFile' in files) return readPkcs12(files.pfxFile, files.keyPassphrase);
  const cert = readFile(files.certFile, 'certificate').toString('utf8');
  const key = readFile(files.keyFile, 'key').toString('utf8');
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

/** A PKCS#12 bundle: OpenSSL opens it here (certificate and key together), so a wrong passphrase fails now. */
function readPkcs12(file: string, passphrase: string | undefined): ClientCertificate {
  const pfx = readFile(file, 'PKCS#12');
  try {
    createSecureContext(passphrase === undefined ? { pfx } : { pfx, passphrase });
  } catch (error) {
    throw fail(`the PKCS#12 file ${file} cannot be opened: it is not PKCS#12, or tls.keyPassphrase is ${passphrase === undefined ? 'not set' : 'wrong'}`, error);
  }
  return { pfx, ...(passphrase === undefined ? {} : { passphrase }) };
}
