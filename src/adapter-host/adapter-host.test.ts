import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { z } from 'zod';
import type { AdapterManifest, HttpClient } from '../adapter-kit/index.ts';
import { parseConfigObject } from '../config/load-config.ts';
import { ConduitError } from '../core/conduit-error.ts';
import { silentLogger } from '../core/ports.ts';
import { startScriptableServer, type ScriptableServer } from '../http/test-support/scriptable-server.ts';
import { Metrics } from '../ops/metrics.ts';
import { startAdapterHost } from './adapter-host.ts';

let cms: ScriptableServer;
let other: ScriptableServer;
before(async () => { cms = await startScriptableServer(); other = await startScriptableServer(); });
after(async () => { await cms.close(); await other.close(); });

void test('kit.httpFor gives an adapter a resilient client on another origin, closed with the host', async () => {
  let extra: HttpClient | undefined;
  const manifest: AdapterManifest<unknown> = {
    id: 'sitecore-xmc', displayName: 'probe', configSchema: z.looseObject({}), capabilities: () => ['read'],
    create(_config, kit) {
      extra = kit.httpFor?.(other.url);
      return {
        hasPaths: true,
        health: async () => {
          await (extra ?? assert.fail('no httpFor')).request({ method: 'GET', path: '/token-host-ping', operation: 'ping' });
          return { ok: true, status: 'reachable' };
        },
        getContent: () => Promise.resolve(null), listContent: () => Promise.resolve({ items: [] }),
        listTypes: () => Promise.resolve({ items: [] }), getType: () => Promise.resolve(null),
      };
    },
  };
  const config = await parseConfigObject({ adapters: { probe: { type: 'sitecore-xmc', url: cms.url } }, logging: { level: 'silent' } }, () => Promise.resolve(z.looseObject({})));
  const host = await startAdapterHost({ config, registry: { 'sitecore-xmc': () => Promise.resolve({ default: manifest }) }, logger: silentLogger, metrics: new Metrics({ defaultMetrics: false }) });
  assert.equal((await host.client('probe').health()).status, 'reachable');
  assert.deepEqual(other.requests.map((r) => r.path), ['/token-host-ping']);
  assert.equal(cms.count(), 0);
  await host.close();
  await assert.rejects((extra ?? assert.fail('no client')).request({ method: 'GET', path: '/after-close' }), (e: unknown) => e instanceof ConduitError && e.code === 'SHUTTING_DOWN');
  assert.equal(other.count(), 1);
});
