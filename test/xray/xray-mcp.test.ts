// X-Ray over MCP end to end: the SDK v1 client, `conduit serve --http` as a child process, the simulator in this process.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { z } from 'zod';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { spawnServeHttp, type ServeProcess } from '../support/spawn-serve.ts';
import { writeXrayConfig } from './support/cli-process.ts';
import { tempDir } from './support/xray-fixtures.ts';

const scanShape = z.object({ scanId: z.string(), status: z.string(), items: z.number(), phase: z.string().nullable() }).loose();

let sim: SitecoreSimulator;
let config: { path: string; env: Record<string, string> };
let server: ServeProcess | undefined;

async function connect(url: string): Promise<Client> {
  const client = new Client({ name: 'xray-mcp-test', version: '1.0.0' });
  await client.connect(new StreamableHTTPClientTransport(new URL(`${url}/mcp`)));
  return client;
}

function structured(result: unknown): unknown {
  return z.object({ structuredContent: z.unknown() }).loose().parse(result).structuredContent;
}

async function stopServer(): Promise<void> {
  if (!server) return;
  server.child.kill('SIGTERM');
  await server.exited;
  server = undefined;
}

before(async () => {
  sim = await startSitecoreSimulator({ items: 3000, seed: 41, faults: { latencyMs: 15 } });
  config = writeXrayConfig({ simUrl: sim.url, sqlite: join(tempDir(), 'conduit.db'), maxConcurrent: 2, logLevel: 'info' });
});

after(async () => {
  await stopServer();
  await sim.close();
});

void test('xray_scan with a progress token streams progress; xray_cancel stops it; xray_status tells the truth after a restart', async () => {
  server = await spawnServeHttp(['--config', config.path], config.env);
  const client = await connect(server.url);
  const progress: Array<{ progress: number; message?: string }> = [];
  let cancelled: Promise<unknown> | undefined;
  const scanCall = client.callTool({ name: 'xray_scan', arguments: { adapter: 'sim' } }, undefined, {
    timeout: 60_000,
    resetTimeoutOnProgress: true,
    onprogress: (p) => {
      progress.push({ progress: p.progress, ...(p.message ? { message: p.message } : {}) });
      const scanId = /scan ([0-9a-f-]{36})/.exec(progress[0]?.message ?? '')?.[1];
      if (!cancelled && scanId && p.progress >= 200) cancelled = client.callTool({ name: 'xray_cancel', arguments: { scanId } });
    },
  });
  const final = scanShape.parse(structured(await scanCall));
  assert.ok(cancelled, 'progress notifications arrived, the first naming the scan');
  assert.equal(scanShape.parse(structured(await cancelled)).status, 'cancelled');
  assert.equal(final.status, 'cancelled', 'the xray_scan call returned once the scan was cancelled');
  assert.match(progress[0]?.message ?? '', new RegExp(`scan ${final.scanId} started`));
  assert.ok(progress.length >= 2, `${progress.length} progress notifications`);
  for (let i = 1; i < progress.length; i++) assert.ok((progress[i]?.progress ?? 0) >= (progress[i - 1]?.progress ?? 0), 'progress never goes back');
  const requestsAtCancel = sim.stats().total;
  await new Promise((r) => setTimeout(r, 300));
  assert.ok(sim.stats().total - requestsAtCancel <= 2, 'crawling stopped');

  // Without a progress token the call returns at once; the scan runs on in the background.
  const background = scanShape.parse(structured(await client.callTool({ name: 'xray_scan', arguments: { adapter: 'sim', maxItems: 400 } })));
  assert.equal(background.status, 'running');
  await client.close();
  await stopServer();

  server = await spawnServeHttp(['--config', config.path], config.env);
  const again = await connect(server.url);
  const status = scanShape.parse(structured(await again.callTool({ name: 'xray_status', arguments: { scanId: final.scanId } })));
  assert.equal(status.status, 'cancelled');
  assert.equal(status.items, final.items, 'the same counts from the store after the restart');
  const list = z.object({ scans: z.array(scanShape) }).parse(structured(await again.callTool({ name: 'xray_list', arguments: {} })));
  assert.deepEqual(list.scans.map((s) => s.scanId).sort(), [final.scanId, background.scanId].sort());
  const missing = await again.callTool({ name: 'xray_status', arguments: { scanId: '00000000-0000-0000-0000-000000000000' } });
  assert.equal(missing.isError, true);
  assert.match(JSON.stringify(missing.structuredContent), /XRAY_SCAN_NOT_FOUND/);
  await again.close();
});
