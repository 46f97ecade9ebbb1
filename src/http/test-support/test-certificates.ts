import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ServerCertificate { key: string; cert: string }

export interface TestCertificates {
  /** Directory holding the PEM files; removed by cleanup(). */
  dir: string;
  /** A private CA, as a company or a dev box would have one. */
  caPem: string;
  caFile: string;
  /** Signed by the CA, for 127.0.0.1 and localhost. */
  server: ServerCertificate;
  /** Signed by the CA, but only for cms.example.com. */
  otherHost: ServerCertificate;
  /** Signed by itself, for 127.0.0.1. */
  selfSigned: ServerCertificate;
  /** Client certificates (clientAuth) as files: one from the CA, one from a CA nobody trusts; the CA's key also encrypted. */
  client: { certFile: string; keyFile: string; encryptedKeyFile: string; pfxFile: string; passphrase: string; foreignCertFile: string; foreignKeyFile: string };
  cleanup(): void;
}

/**
 * Fresh certificates for TLS tests, made with the openssl CLI (Node can make
 * keys but not certificates). Generated per run, so no private key is ever
 * committed; EC P-256 keeps it quick (~50 ms per certificate).
 */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'conduit-tls-'));
  const file = (name: string): string => join(dir, name);
  const openssl = (...args: string[]): void => {
    try {
      execFileSync('openssl', args, { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (error) {
      const missing = error instanceof Error && 'code' in error && error.code === 'ENOENT';
      throw new Error(missing ? 'The TLS tests need the openssl command (apt-get install -y openssl).' : `openssl ${args[0] ?? ''} failed`, { cause: error });
    }
  };
  const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...newKey, '-keyout', file('ca.key'), '-out', file('ca.pem'), '-days', '2', '-subj', '/CN=Conduit Test CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');

  const signed = (name: string, altNames: string, usage = 'serverAuth', ca = 'ca'): ServerCertificate => {
    writeFileSync(file(`${name}.ext`), `subjectAltName=${altNames}\nbasicConstraints=CA:FALSE\nextendedKeyUsage=${usage}\n`);
    openssl('req', ...newKey, '-keyout', file(`${name}.key`), '-out', file(`${name}.csr`), '-subj', `/CN=${name}`);
    openssl('x509', '-req', '-in', file(`${name}.csr`), '-CA', file(`${ca}.pem`), '-CAkey', file(`${ca}.key`), '-CAcreateserial',
      '-days', '2', '-extfile', file(`${name}.ext`), '-out', file(`${name}.pem`));
    return { key: readFileSync(file(`${name}.key`), 'utf8'), cert: readFileSync(file(`${name}.pem`), 'utf8') };
  };
  const server = signed('server', 'IP:127.0.0.1,DNS:localhost');
  const otherHost = signed('other-host', 'DNS:cms.example.com');

  openssl('req', '-x509', ...newKey, '-keyout', file('self.key'), '-out', file('self.pem'), '-days', '2', '-subj', '/CN=127.0.0.1',
    '-addext', 'subjectAltName=IP:127.0.0.1');
  const selfSigned = { key: readFileSync(file('self.key'), 'utf8'), cert: readFileSync(file('self.pem'), 'utf8') };

  signed('client', 'DNS:conduit.test', 'clientAuth');
  const passphrase = 'test-key-passphrase';
  openssl('pkcs8', '-topk8', '-in', file('client.key'), '-out', file('client-encrypted.key'), '-passout', `pass:${passphrase}`);
  openssl('pkcs12', '-export', '-in', file('client.pem'), '-inkey', file('client.key'), '-out', file('client.p12'), '-passout', `pass:${passphrase}`);
  openssl('req', '-x509', ...newKey, '-keyout', file('foreign-ca.key'), '-out', file('foreign-ca.pem'), '-days', '2', '-subj', '/CN=Foreign CA',
    '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  signed('foreign-client', 'DNS:conduit.test', 'clientAuth', 'foreign-ca');
  const client = {
    certFile: file('client.pem'), keyFile: file('client.key'), encryptedKeyFile: file('client-encrypted.key'), pfxFile: file('client.p12'), passphrase,
    foreignCertFile: file('foreign-client.pem'), foreignKeyFile: file('foreign-client.key'),
  };

  return {
    dir, caPem: readFileSync(file('ca.pem'), 'utf8'), caFile: file('ca.pem'), server, otherHost, selfSigned, client,
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
