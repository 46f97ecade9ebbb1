// A CM behind HTTPS with a private CA, as most on-premises Sitecore instances are: the simulator serves TLS
// with a certificate from a CA made for the run, and the built binary reaches it only with tls.caFile.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { makeTestCertificates, type TestCertificates } from '../../src/http/test-support/test-certificates.ts';
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

async function withStdioClient<T>(config: { path: string; env: Record<string, string> }, use: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ name: 'tls-e2e', version: '1.0.0' });
  await client.connect(new StdioClientTransport({
    command: process.execPath, args: [CONDUIT_BIN, 'serve', '--config', config.path], env: { ...process.env, ...config.env } as Record<string, string>, stderr: 'ignore',
  }));
  try {
    return await use(client);
  } finally {
    await client.close();
  }
}

const textOf = (result: unknown): string => z.object({ content: z.array(z.object({ text: z.string() })) }).parse(result).content.map((c) => c.text).join('\n');

test('with tls.caFile the tools read the HTTPS CM and an X-Ray scan completes over it', async () => {
  assert.match(sim.url, /^https:\/\/127\.0\.0\.1:/);
  const config = writeSimulatorConfig(sim.url, '', `    tls: { caFile: ${JSON.stringify(certs.caFile)} }`);
  const validated = await runCli(['config', 'validate', config.path], { env: config.env });
  assert.equal(validated.code, 0, validated.stdout + validated.stderr);
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
  assert.equal(sim.stats().total, before, 'no request got past the handshake');
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
