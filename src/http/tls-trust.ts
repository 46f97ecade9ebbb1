import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { getCACertificates } from 'node:tls';
import { Agent, EnvHttpProxyAgent, type Dispatcher } from 'undici';
import { ConduitError } from '../core/conduit-error.ts';
import type { ClientCertificate } from './tls-client-certificate.ts';

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates in a PEM file named by `adapters.<name>.tls.caFile`
 * (relative paths from the working directory, as storage.sqlite). Each one is
 * parsed here, so a wrong file fails at config time with its reason instead
 * of as a handshake error on the first request.
 */
export function readCaBundle(file: string): string[] {
  const fail = (why: string, cause?: unknown): ConduitError => new ConduitError('CFG_TLS_CA_INVALID', why, {
    hint: 'Point tls.caFile at a PEM file holding the CA certificate(s) that signed the CMS\'s certificate (the "-----BEGIN CERTIFICATE-----" blocks).',
    ...(cause === undefined ? {} : { cause }),
  });
  let text: string;
  try {
    text = readFileSync(resolve(file), 'utf8');
  } catch (error) {
    const errno = error instanceof Error && 'code' in error ? String(error.code) : 'unreadable';
    throw fail(`the CA file ${file} cannot be read (${errno})`, error);
  }
  const blocks = text.match(PEM_CERTIFICATE) ?? [];
  if (blocks.length === 0) throw fail(`the CA file ${file} holds no PEM certificate`);
  blocks.forEach((pem, index) => {
    try {
      new X509Certificate(pem);
    } catch (error) {
      throw fail(`certificate ${index + 1} of ${blocks.length} in ${file} cannot be parsed`, error);
    }
  });
  return blocks;
}

export interface OutboundOptions {
  /** PEM certificates trusted besides Node's defaults (tls.caFile). */
  extraCa?: readonly string[];
  /** Presented when the CMS asks for a client certificate (tls.certFile, tls.keyFile). */
  clientCertificate?: ClientCertificate;
  /** Go through HTTP_PROXY / HTTPS_PROXY except for NO_PROXY hosts (network.proxyFromEnv). */
  proxyFromEnv?: boolean;
}

/**
 * The connection pool one adapter's requests go through. Extra CAs are added
 * to the ones Node trusts by default (its bundled roots, NODE_EXTRA_CA_CERTS,
 * and the system store under --use-system-ca), never in their place, so a CMS
 * behind a public certificate keeps working when a private CA is added. With
 * a proxy they also apply to the CMS through the tunnel and to a TLS proxy,
 * which in a company usually has a certificate from the same CA.
 */
export function adapterAgent(options: OutboundOptions = {}): Dispatcher {
  const extraCa = options.extraCa ?? [];
  const trust = extraCa.length === 0 ? {} : { ca: [...getCACertificates('default'), ...extraCa] };
  const tls = { ...trust, ...options.clientCertificate };
  // undici reads the proxy variables (and any credentials in them) itself, so they never pass through the config.
  // The client certificate is for the CMS (through the tunnel), not for the proxy.
  if (options.proxyFromEnv) return new EnvHttpProxyAgent({ connect: tls, requestTls: tls, proxyTls: trust });
  return new Agent({ connect: tls });
}

/** OpenSSL and Node codes for a certificate the client refused. */
const CERTIFICATE_REFUSED = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT', 'SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_REJECTED', 'CERT_SIGNATURE_FAILURE', 'CERT_REVOKED', 'INVALID_CA',
  'PATH_LENGTH_EXCEEDED', 'INVALID_PURPOSE', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH',
]);

/** OpenSSL alerts from a server that wants a client certificate (mutual TLS) and got none. */
const CLIENT_CERTIFICATE_REQUIRED = new Set(['ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED', 'ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE', 'ERR_SSL_SSLV3_ALERT_HANDSHAKE_FAILURE']);
/** ...and from one that got a client certificate it does not accept. */
const CLIENT_CERTIFICATE_REFUSED = new Set([
  'ERR_SSL_TLSV1_ALERT_UNKNOWN_CA', 'ERR_SSL_SSLV3_ALERT_BAD_CERTIFICATE', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_UNKNOWN',
  'ERR_SSL_SSLV3_ALERT_CERTIFICATE_EXPIRED', 'ERR_SSL_SSLV3_ALERT_CERTIFICATE_REVOKED', 'ERR_SSL_TLSV1_ALERT_ACCESS_DENIED',
]);

/**
 * Why the TLS handshake failed, for a network error code that means it did
 * and retrying cannot help; undefined for anything else.
 */
export function tlsFailureReason(code: string, origin: string): { message: string; hint: string } | undefined {
  const trust = 'If the CMS uses a private or self-signed CA, set tls.caFile on the adapter to a PEM file with that CA '
    + '(or start Conduit with NODE_EXTRA_CA_CERTS, or NODE_OPTIONS=--use-system-ca to use the system store).';
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return { message: `the certificate of ${origin} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not yet valid'} (${code})`, hint: 'Renew the CMS\'s certificate, or check this host\'s clock.' };
  }
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID' || code === 'HOSTNAME_MISMATCH') {
    return { message: `the certificate of ${origin} is not issued for that host name (${code})`, hint: 'Set the adapter url to a host name the certificate lists.' };
  }
  if (CERTIFICATE_REFUSED.has(code)) return { message: `the certificate of ${origin} is not signed by a CA this process trusts (${code})`, hint: trust };
  const mutual = 'Set tls.certFile and tls.keyFile on the adapter to the client certificate the CMS (or the gateway in front of it) expects.';
  // A TLS 1.2 handshake_failure alert: almost always a required client certificate (a cipher mismatch is the rare other cause).
  if (CLIENT_CERTIFICATE_REQUIRED.has(code)) return { message: `${origin} refused the TLS handshake, most likely because it requires a client certificate (${code})`, hint: mutual };
  if (CLIENT_CERTIFICATE_REFUSED.has(code)) return { message: `${origin} refused the client certificate (${code})`, hint: `${mutual} It must be signed by a CA the CMS trusts.` };
  if (code === 'ERR_SSL_WRONG_VERSION_NUMBER' || code === 'ERR_SSL_PACKET_LENGTH_TOO_LONG') {
    return { message: `${origin} does not speak TLS (${code})`, hint: 'The server answers plain HTTP on that port: use http:// in the adapter url, or the HTTPS port.' };
  }
  return undefined;
}
