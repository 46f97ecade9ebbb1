import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError } from '../../../src/adapter-kit/index.ts';
import { runSimulatorCli, simulatorBanner } from './run-simulator-cli.ts';
import { sscClient } from './test-support/ssc-test-client.ts';

void test('runSimulatorCli starts a simulator from string flags and applies the fault flags', async () => {
  const sim = await runSimulatorCli({ items: '900', port: '0', seed: '4', latencyMs: '0', errorRate: '1', errorStatus: '500', defects: false });
  try {
    assert.equal(sim.tree.size >= 900, true);
    assert.equal(sim.groundTruth().seed, 4);
    assert.equal(sim.groundTruth().counts['broken-link'], 0);
    const ssc = await sscClient(sim.url).catch((e: unknown) => e);
    assert.ok(ssc instanceof Error, 'login is faulted too');
    sim.setFaults({});
    assert.equal((await (await sscClient(sim.url)).get('/sitecore/api/ssc/item/110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9')).status, 200);
    assert.match(simulatorBanner(sim)[0] ?? '', /^Sitecore simulator listening on http:\/\/127\.0\.0\.1:\d+ with /);
  } finally {
    await sim.close();
  }
});

void test('bad flags are CFG_INVALID_VALUE naming the flag', async () => {
  await assert.rejects(runSimulatorCli({ errorRate: 'lots' }), (e: unknown) => e instanceof ConduitError && e.code === 'CFG_INVALID_VALUE' && e.message.includes('--error-rate'));
  await assert.rejects(runSimulatorCli({ errorStatus: '418' }), (e: unknown) => e instanceof ConduitError && e.message.includes('--error-status'));
});
