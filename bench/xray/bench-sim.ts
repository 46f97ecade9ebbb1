// The Sitecore simulator in its own process for the crawl benchmark (the CMS does not share the crawler's
// CPU, heap or RSS, as on a real network). Argument: JSON {items, seed, latencyMs, port?}.
// Prints one JSON line {url, items, buildMs} once listening; exits on SIGTERM.
import { z } from 'zod';
import { startSitecoreSimulator } from '../../adapters/sitecore/simulator/sitecore-simulator.ts';
import { ITEM_IDS } from '../../adapters/sitecore/shared/index.ts';

const args = z.object({ items: z.number().int().min(1), seed: z.number().int(), latencyMs: z.number().int().min(0), port: z.number().int().default(0) })
  .parse(JSON.parse(process.argv[2] ?? '{}'));
const started = performance.now();
const sim = await startSitecoreSimulator({ items: args.items, seed: args.seed, port: args.port, faults: { latencyMs: args.latencyMs } });
const languageFolder = sim.tree.get(ITEM_IDS.languages);
const languages = languageFolder ? sim.tree.children(languageFolder).length : 1;
process.stdout.write(`${JSON.stringify({ url: sim.url, items: sim.tree.size, languages, buildMs: Math.round(performance.now() - started) })}\n`);
process.on('SIGTERM', () => {
  sim.close().then(() => process.exit(0), (error: unknown) => {
    process.stderr.write(`simulator close failed: ${String(error)}\n`);
    process.exit(1);
  });
});
