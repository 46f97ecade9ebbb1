import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer as createHttpServer, type RequestListener, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { Metrics } from '../ops/metrics.ts';
import { expectConduitError } from './test-support/expect-conduit-error.ts';
import { makeTestCertificates, type ServerCertificate, type TestCertificates } from './test-support/test-certificates.ts';
import { createTestKit } from './test-support/test-kit.ts';
import { tlsFailureReason } from './tls-trust.ts';

interface Upstream { url: string; requests: number; server: Server }

async function listen(server: Server, scheme: 'http' | 'https', counter: { requests: number }): Promise<Upstream> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return Object.assign(counter, { url: `${scheme}://127.0.0.1:${port}`, server });
}

function answering(counter: { requests: number }): RequestListener {
  return (_req, res) => {
    counter.requests += 1;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  };
}

async function httpsUpstream(certificate: ServerCertificate): Promise<Upstream> {
  const counter = { requests: 0 };
  return listen(createHttpsServer(certificate, answering(counter)), 'https', counter);
}

void describe('resilient HTTP client: TLS to the CMS', () => {
  let certs: TestCertificates;
  const upstreams: Upstream[] = [];
  const start = async (certificate: ServerCertificate): Promise<Upstream> => {
    const upstream = await httpsUpstream(certificate);
    upstreams.push(upstream);
    return upstream;
  };
  before(() => { certs = makeTestCertificates(); });
  after(async () => {
    for (const u of upstreams) {
      u.server.closeAllConnections();
      await new Promise((resolve) => u.server.close(resolve));
    }
    certs.cleanup();
  });

  void test('a certificate from a private CA fails at once with ADP_TLS_FAILED: no retry, no breaker, a hint naming tls.caFile', async () => {
    const upstream = await start(certs.server);
    const metrics = new Metrics({ defaultMetrics: false });
    const { client, close } = createTestKit({ name: 'cms', baseUrl: upstream.url, metrics, resilience: { maxAttempts: 5, breaker: { consecutiveFailures: 1 } } });
    try {
      const error = await expectConduitError(client.request({ method: 'GET', path: '/item' }), 'ADP_TLS_FAILED');
      assert.match(error.message, /not signed by a CA this process trusts \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
      assert.match(error.hint ?? '', /tls\.caFile/);
      assert.equal(error.retryable, false);
      assert.equal((await metrics.adapterRequestsTotal.get()).values[0]?.value, 1, 'one attempt, not five');
      assert.equal(client.breakerState(), 'closed', 'a refused certificate is not an outage');
      assert.equal(upstream.requests, 0, 'no request got past the handshake');
    } finally {
      close();
    }
  });

  void test('with the CA trusted (tls.caFile), the same CMS answers', async () => {
    const upstream = await start(certs.server);
    const { client, close } = createTestKit({ name: 'cms', baseUrl: upstream.url, extraCa: [certs.caPem] });
    try {
      const res = await client.request({ method: 'GET', path: '/item' });
      assert.deepEqual(res.json(), { ok: true });
      assert.equal(upstream.requests, 1);
    } finally {
      close();
    }
  });

  void test('a self-signed certificate is refused, and trusted when it is itself the CA file', async () => {
    const upstream = await start(certs.selfSigned);
    const refused = createTestKit({ name: 'cms', baseUrl: upstream.url });
    const trusted = createTestKit({ name: 'cms', baseUrl: upstream.url, extraCa: [certs.selfSigned.cert] });
    try {
      const error = await expectConduitError(refused.client.request({ method: 'GET', path: '/item' }), 'ADP_TLS_FAILED');
      assert.match(error.message, /DEPTH_ZERO_SELF_SIGNED_CERT/);
      assert.deepEqual((await trusted.client.request({ method: 'GET', path: '/item' })).json(), { ok: true });
    } finally {
      refused.close();
      trusted.close();
    }
  });

  void test('a trusted certificate for another host name is refused and says so', async () => {
    const upstream = await start(certs.otherHost);
    const { client, close } = createTestKit({ name: 'cms', baseUrl: upstream.url, extraCa: [certs.caPem] });
    try {
      const error = await expectConduitError(client.request({ method: 'GET', path: '/item' }), 'ADP_TLS_FAILED');
      assert.match(error.message, /not issued for that host name \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
    } finally {
      close();
    }
  });

  void test('https:// to a port that speaks plain HTTP says so instead of "unreachable"', async () => {
    const counter = { requests: 0 };
    const plain = await listen(createHttpServer(answering(counter)), 'http', counter);
    upstreams.push(plain);
    const { client, close } = createTestKit({ name: 'cms', baseUrl: plain.url.replace('http:', 'https:') });
    try {
      const error = await expectConduitError(client.request({ method: 'GET', path: '/item' }), 'ADP_TLS_FAILED');
      assert.match(error.message, /does not speak TLS/);
      assert.match(error.hint ?? '', /http:\/\//);
    } finally {
      close();
    }
  });

  void test('each refusal code maps to its own reason; other network codes stay retryable outages', () => {
    assert.match(tlsFailureReason('CERT_HAS_EXPIRED', 'https://cm')?.message ?? '', /is expired/);
    assert.match(tlsFailureReason('CERT_NOT_YET_VALID', 'https://cm')?.hint ?? '', /clock/);
    assert.match(tlsFailureReason('SELF_SIGNED_CERT_IN_CHAIN', 'https://cm')?.hint ?? '', /NODE_EXTRA_CA_CERTS/);
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET', 'network error']) assert.equal(tlsFailureReason(code, 'https://cm'), undefined);
  });
});
