// Mutual TLS to the CMS: a server on 127.0.0.1 that requires a client certificate signed by the test CA.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Metrics } from '../ops/metrics.ts';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { makeTestCertificates, type TestCertificates } from './test-support/test-certificates.ts';
import { createTestKit } from './test-support/test-kit.ts';
import { readClientCertificate } from './tls-client-certificate.ts';

async function mutualTlsServer(certs: TestCertificates, maxVersion: 'TLSv1.3' | 'TLSv1.2', counter: { requests: number }): Promise<{ url: string; server: Server }> {
  const server = createServer({ ...certs.server, ca: [certs.caPem], requestCert: true, rejectUnauthorized: true, maxVersion }, (_req, res) => {
    counter.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `https://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

void describe('client certificates (tls.certFile, tls.keyFile)', () => {
  let certs: TestCertificates;
  const servers: Server[] = [];
  const counter = { requests: 0 };
  let url: string;
  before(async () => {
    certs = makeTestCertificates();
    const tls13 = await mutualTlsServer(certs, 'TLSv1.3', counter);
    servers.push(tls13.server);
    url = tls13.url;
  });
  after(async () => {
    for (const server of servers) {
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    }
    certs.cleanup();
  });

  void test('TLS 1.3, no client certificate: the server just closes, so the outage hint names tls.certFile; the right certificate gets through', async () => {
    const without = createTestKit({ name: 'cms', baseUrl: url, extraCa: [certs.caPem], resilience: { maxAttempts: 1 } });
    try {
      const error = await expectConduitError(without.client.request({ method: 'GET', path: '/item' }), 'ADP_UNAVAILABLE');
      assert.match(error.hint ?? '', /requires a client certificate \(mutual TLS\), set tls\.certFile and tls\.keyFile/);
    } finally {
      without.close();
    }
    const { certFile, keyFile, encryptedKeyFile, pfxFile, passphrase } = certs.client;
    // PEM, PEM with an encrypted key, and PKCS#12 (as Windows exports a certificate with its key).
    for (const files of [{ certFile, keyFile }, { certFile, keyFile: encryptedKeyFile, keyPassphrase: passphrase }, { pfxFile, keyPassphrase: passphrase }]) {
      const clientCertificate = readClientCertificate(files);
      const kit = createTestKit({ name: 'cms', baseUrl: url, extraCa: [certs.caPem], clientCertificate });
      try {
        assert.deepEqual((await kit.client.request({ method: 'GET', path: '/item' })).json(), { ok: true });
      } finally {
        kit.close();
      }
    }
    assert.equal(counter.requests, 3, 'only the requests with the certificate reached the CMS');
  });

  void test('TLS 1.2, no client certificate: a handshake alert, ADP_TLS_FAILED at once (no retry, no breaker)', async () => {
    const tls12 = await mutualTlsServer(certs, 'TLSv1.2', { requests: 0 });
    servers.push(tls12.server);
    const metrics = new Metrics({ defaultMetrics: false });
    const kit = createTestKit({ name: 'cms', baseUrl: tls12.url, metrics, extraCa: [certs.caPem], resilience: { maxAttempts: 5 } });
    try {
      const error = await expectConduitError(kit.client.request({ method: 'GET', path: '/item' }), 'ADP_TLS_FAILED');
      assert.match(error.message, /refused the TLS handshake, most likely because it requires a client certificate \(ERR_SSL_SSL\/TLS_ALERT_HANDSHAKE_FAILURE\)/);
      assert.match(error.hint ?? '', /tls\.certFile and tls\.keyFile/);
      assert.equal((await metrics.adapterRequestsTotal.get()).values[0]?.value, 1, 'one attempt, not five');
      assert.equal(kit.client.breakerState(), 'closed');
    } finally {
      kit.close();
    }
  });

  void test('readClientCertificate: a missing file, no certificate, a key without or with the wrong passphrase, a key of another certificate, a bad PKCS#12', () => {
    const bad = (files: Parameters<typeof readClientCertificate>[0], pattern: RegExp): void => {
      assert.throws(() => readClientCertificate(files), (e: unknown) => e instanceof Error && 'code' in e && e.code === 'CFG_TLS_CLIENT_CERT_INVALID' && pattern.test(e.message)
        && !e.message.includes(certs.client.passphrase));
    };
    const { certFile, keyFile, encryptedKeyFile, foreignKeyFile, pfxFile } = certs.client;
    bad({ certFile: join(certs.dir, 'nope.pem'), keyFile }, /client certificate file .*nope\.pem cannot be read \(ENOENT\)/);
    const notPem = join(certs.dir, 'not.pem');
    writeFileSync(notPem, 'hello');
    bad({ certFile: notPem, keyFile }, /holds no PEM certificate that can be parsed/);
    bad({ certFile, keyFile: encryptedKeyFile }, /encrypted and tls\.keyPassphrase is not set/);
    bad({ certFile, keyFile: encryptedKeyFile, keyPassphrase: 'wrong' }, /tls\.keyPassphrase is wrong/);
    bad({ certFile, keyFile: foreignKeyFile }, /does not belong to the certificate/);
    bad({ pfxFile, keyPassphrase: 'wrong' }, /PKCS#12 file .* cannot be opened: it is not PKCS#12, or tls\.keyPassphrase is wrong/);
    bad({ pfxFile: certFile }, /cannot be opened: it is not PKCS#12, or tls\.keyPassphrase is not set/);
  });
});
