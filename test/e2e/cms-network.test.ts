// Reaching a CM the way companies run them, through the built binary. Behind HTTPS with a private CA, as most
// on-premises Sitecore instances are: the simulator serves TLS with a certificate from a CA made for the run,
// reached only with tls.caFile. And through a company proxy (HTTPS_PROXY, with credentials).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { makeTestCertificates, type TestCertificates } from '../../src/http/test-support/test-certificates.ts';
import { startConnectProxy, type ConnectProxy } from '../support/connect-proxy.ts';
import { CONDUIT_BIN, runCli } from '../support/run-cli.ts';
import { reachableIds } from '../xray/support/xray-fixtures.ts';
import { writeSimulatorConfig } from '../support/spawn-serve.ts';

let certs: TestCertificates;
let sim: SitecoreSimulator;

before(async () => {
  certs = makeTestCertificates();
  sim = await startSitecoreSimulator({ items: 700, tls: certs.server });
});
after(async () => {
  await sim.close();
  certs.cleanup();
});

/** This process's environment without any proxy settings, so each test sets exactly the ones it means. */
function envWithoutProxies(): Record<string, string> {
  const proxyVariable = /^(https?_proxy|no_proxy|all_proxy|node_use_env_proxy)$/i;
  return Object.fromEntries(Object.entries(process.env).filter((entry): entry is [string, string] => entry[1] !== undefined && !proxyVariable.test(entry[0])));
}

/** Runs `conduit serve` over stdio with this config (and env), hands a connected client to `use`, returns its stderr. */
async function withStdioClient(config: { path: string; env: Record<string, string> }, use: (client: Client) => Promise<void>, env: Record<string, string> = {}): Promise<string> {
  const client = new Client({ name: 'network-e2e', version: '1.0.0' });
  const transport = new StdioClientTransport({
    command: process.execPath, args: [CONDUIT_BIN, 'serve', '--config', config.path], stderr: 'pipe',
    env: { ...envWithoutProxies(), ...config.env, ...env },
  });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => { stderr += chunk.toString(); });
  await client.connect(transport);
  try {
    await use(client);
  } finally {
    await client.close();
  }
  return stderr;
}

const textOf = (result: unknown): string => z.object({ content: z.array(z.object({ text: z.string() })) }).parse(result).content.map((c) => c.text).join('\n');

test('with tls.caFile the tools read the HTTPS CM and an X-Ray scan completes over it', async () => {
  assert.match(sim.url, /^https:\/\/127\.0\.0\.1:/);
  const config = writeSimulatorConfig(sim.url, '', `    tls: { caFile: ${JSON.stringify(certs.caFile)} }`);
  const validated = await runCli(['config', 'validate', '--connect', config.path], { env: config.env });
  assert.equal(validated.code, 0, validated.stdout + validated.stderr);
  assert.match(validated.stdout, /adapter main \(sitecore-xp\): ok, reachable/);
  await withStdioClient(config, async (client) => {
    const got = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
    assert.notEqual(got.isError, true, textOf(got));
    assert.equal(Reflect.get(Reflect.get(got.structuredContent as object, 'item') as object, 'path'), '/sitecore/content/Home');
  });
  const scan = await runCli(['xray', 'scan', '--adapter', 'main', '--wait', '--json', '-c', config.path], { env: config.env, timeoutMs: 120_000 });
  assert.equal(scan.code, 0, scan.stderr);
  const summary = z.object({ status: z.string(), items: z.number() }).loose().parse(JSON.parse(scan.stdout.trim().split('\n').at(-1) ?? ''));
  assert.equal(summary.status, 'completed');
  assert.equal(summary.items, reachableIds(sim.tree).size, 'every item under the root, as over plain HTTP');
});

test('without it, every call fails at once with ADP_TLS_FAILED and a hint naming tls.caFile; health_check says why', async () => {
  const config = writeSimulatorConfig(sim.url);
  const before = sim.stats().total;
  await withStdioClient(config, async (client) => {
    const got = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
    assert.equal(got.isError, true);
    const text = textOf(got);
    assert.match(text, /\[ADP_TLS_FAILED\] .*not signed by a CA this process trusts \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    assert.match(text, /Hint: .*tls\.caFile/);
    const health = await client.callTool({ name: 'health_check', arguments: {} });
    assert.match(JSON.stringify(health.structuredContent), /ADP_TLS_FAILED/);
  });
  const connect = await runCli(['config', 'validate', '--connect', config.path], { env: config.env });
  assert.equal(connect.code, 4);
  assert.match(connect.stdout, /adapter main \(sitecore-xp\): FAILED, unreachable .*\[ADP_TLS_FAILED\] .*tls\.caFile/);
  assert.equal(sim.stats().total, before, 'no request got past the handshake');
});

test('a CM that requires a client certificate: with tls.certFile/keyFile the tools work; without, --connect fails and names them', async () => {
  const mutual = await startSitecoreSimulator({ items: 300, tls: { ...certs.server, clientCa: [certs.caPem] } });
  try {
    const tls = (extra: string): string => `    tls: { caFile: ${JSON.stringify(certs.caFile)}${extra} }`;
    const withCert = writeSimulatorConfig(mutual.url, '', tls(`, certFile: ${JSON.stringify(certs.client.certFile)}, keyFile: ${JSON.stringify(certs.client.encryptedKeyFile)}, keyPassphrase: "\${CLIENT_KEY_PASS}"`));
    const env = { ...withCert.env, CLIENT_KEY_PASS: certs.client.passphrase };
    const validated = await runCli(['config', 'validate', '--connect', withCert.path], { env });
    assert.equal(validated.code, 0, validated.stdout + validated.stderr);
    const stderr = await withStdioClient({ path: withCert.path, env }, async (client) => {
      const got = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
      assert.notEqual(got.isError, true, textOf(got));
    });
    assert.ok(!stderr.includes(certs.client.passphrase), 'the key passphrase is never logged');

    const without = writeSimulatorConfig(mutual.url, '', tls(''));
    const refused = await runCli(['config', 'validate', '--connect', without.path], { env: without.env });
    assert.equal(refused.code, 4, refused.stdout + refused.stderr);
    assert.match(refused.stdout, /adapter main \(sitecore-xp\): FAILED, unreachable .*requires a client certificate \(mutual TLS\), set tls\.certFile and tls\.keyFile/);
  } finally {
    await mutual.close();
  }
});

test('NODE_EXTRA_CA_CERTS trusts the CA process-wide, as the docs offer instead of tls.caFile', async () => {
  const config = writeSimulatorConfig(sim.url);
  await withStdioClient(config, async (client) => {
    const got = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
    assert.notEqual(got.isError, true, textOf(got));
  }, { NODE_EXTRA_CA_CERTS: certs.caFile });
});

test('http:// to the HTTPS port is a network failure whose hint says to use https://', async () => {
  const config = writeSimulatorConfig(sim.url.replace('https:', 'http:'), '', '    resilience: { maxAttempts: 1 }');
  const connect = await runCli(['config', 'validate', '--connect', config.path], { env: config.env });
  assert.equal(connect.code, 4);
  assert.match(connect.stdout, /\[ADP_UNAVAILABLE\] .*closed the connection without answering: if that port serves HTTPS, use https:\/\/ in the adapter url/);
});

test('config validate names a wrong tls.caFile with its line, and serve refuses to start on it', async () => {
  const notPem = join(certs.dir, 'server.csr.txt');
  writeFileSync(notPem, 'hello');
  const config = writeSimulatorConfig(sim.url, '', `    tls: { caFile: ${JSON.stringify(notPem)} }`);
  const validated = await runCli(['config', 'validate', config.path], { env: config.env });
  assert.equal(validated.code, 3);
  assert.match(validated.stdout + validated.stderr, /\[CFG_TLS_CA_INVALID\] .*:6:\d+ adapters\.main\.tls\.caFile: the CA file .* holds no PEM certificate/);
  const served = await runCli(['serve', '--config', config.path], { env: config.env });
  assert.equal(served.code, 3);
  assert.match(served.stderr, /CFG_TLS_CA_INVALID/);
});

void describe('through a proxy', () => {
  let proxy: ConnectProxy;
  before(async () => { proxy = await startConnectProxy({ user: 'conduit', password: 'proxy-pass-0451' }); });
  after(async () => { await proxy.close(); });

  const getHome = async (client: Client): Promise<void> => {
    const got = await client.callTool({ name: 'content_get', arguments: { path: '/sitecore/content/Home' } });
    assert.notEqual(got.isError, true, textOf(got));
  };

  test('NODE_USE_ENV_PROXY=1: CMS calls tunnel through HTTPS_PROXY with its credentials, TLS and tls.caFile still apply, and the password is never logged', async () => {
    proxy.tunnels.length = 0;
    const config = writeSimulatorConfig(sim.url, 'logging: { level: debug }', `    tls: { caFile: ${JSON.stringify(certs.caFile)} }`);
    const stderr = await withStdioClient(config, getHome, { NODE_USE_ENV_PROXY: '1', HTTPS_PROXY: proxy.url });
    const port = new URL(sim.url).port;
    assert.ok(proxy.tunnels.length > 0, 'the proxy saw the calls');
    for (const tunnel of proxy.tunnels) {
      assert.equal(tunnel.target, `127.0.0.1:${port}`);
      assert.equal(tunnel.authorization, `Basic ${Buffer.from('conduit:proxy-pass-0451').toString('base64')}`);
    }
    assert.match(stderr, /"tool":"content_get"/, 'the call\'s log lines were captured');
    assert.ok(!stderr.includes('proxy-pass-0451'), 'the proxy password never reaches the logs');
  });

  test('network.proxyFromEnv in the file does the same, and NO_PROXY hosts go direct', async () => {
    proxy.tunnels.length = 0;
    const config = writeSimulatorConfig(sim.url, 'network: { proxyFromEnv: true }', `    tls: { caFile: ${JSON.stringify(certs.caFile)} }`);
    await withStdioClient(config, getHome, { HTTPS_PROXY: proxy.url });
    assert.ok(proxy.tunnels.length > 0);
    proxy.tunnels.length = 0;
    await withStdioClient(config, getHome, { HTTPS_PROXY: proxy.url, NO_PROXY: '127.0.0.1' });
    assert.deepEqual(proxy.tunnels, []);
  });

  test('a proxy in the environment is not used unless asked for, as with Node\'s own fetch', async () => {
    proxy.tunnels.length = 0;
    const config = writeSimulatorConfig(sim.url, '', `    tls: { caFile: ${JSON.stringify(certs.caFile)} }`);
    await withStdioClient(config, getHome, { HTTPS_PROXY: proxy.url, HTTP_PROXY: proxy.url });
    assert.deepEqual(proxy.tunnels, []);
  });
});
