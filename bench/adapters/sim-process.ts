// The Sitecore simulator in its own process for the walk benchmark, so the CMS side does not share the
// walker's event loop or heap (it would on a real network, too). Argument: JSON {items, seed, latencyMs}.
// Prints one JSON line {url, buildMs, items, reachable, rssMb} once listening; exits on SIGTERM.
import { z } from 'zod';
import { startSitecoreSimulator, type SitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { reachableReadable } from './walk-support.ts';

const args = z.object({ items: z.number().int().min(1), seed: z.number().int(), latencyMs: z.number().int().min(0) })
  .parse(JSON.parse(process.argv[2] ?? '{}'));

const started = performance.now();
const sim: SitecoreSimulator = await startSitecoreSimulator({ items: args.items, seed: args.seed, faults: { latencyMs: args.latencyMs } });
const buildMs = performance.now() - started;
const ready = { url: sim.url, buildMs, items: sim.tree.size, reachable: reachableReadable(sim.tree), rssMb: process.memoryUsage.rss() / 2 ** 20 };
process.stdout.write(`${JSON.stringify(ready)}\n`);
process.on('SIGTERM', () => {
  sim.close().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`simulator close failed: ${String(error)}\n`);
    process.exit(1);
  });
});
