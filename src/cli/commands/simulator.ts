import type { Command } from 'commander';
import { once } from 'node:events';
import { startSitecoreSimulator } from '../../../adapters/sitecore/simulator/sitecore-simulator.ts';

interface SimulatorFlags { items: string; port: string; seed: string; latencyMs: string; errorRate: string; defects: boolean }

export function registerSimulator(program: Command): void {
  const simulator = program.command('simulator').description('Run a built-in CMS simulator on 127.0.0.1 (to try Conduit without a CMS)');
  simulator.command('sitecore')
    .description('Sitecore simulator: SSC Item Service REST and Experience Edge GraphQL')
    .option('--items <n>', 'items to generate', '5000')
    .option('--port <port>', 'port on 127.0.0.1 (0 = any free port)', '8089')
    .option('--seed <n>', 'generator seed (same seed, same instance)', '1')
    .option('--latency-ms <ms>', 'added latency per request', '0')
    .option('--error-rate <0..1>', 'fraction of requests answered 503', '0')
    .option('--no-defects', 'do not plant X-Ray defects')
    .action(async (flags: SimulatorFlags) => {
      const sim = await startSitecoreSimulator({
        items: Number(flags.items), port: Number(flags.port), seed: Number(flags.seed), defects: flags.defects,
        faults: { latencyMs: Number(flags.latencyMs), errorRate: Number(flags.errorRate) },
      });
      process.stdout.write([
        `Sitecore simulator listening on ${sim.url} with ${flags.items} items (seed ${flags.seed}).`,
        `  SSC login:  POST ${sim.url}/sitecore/api/ssc/auth/login  {"domain":"sitecore","username":"admin","password":"b"}`,
        `  Edge:       POST ${sim.url}/sitecore/api/graph/edge (header sc_apikey)`,
        `  Controls:   GET ${sim.url}/_sim/stats · POST ${sim.url}/_sim/faults · GET ${sim.url}/_sim/ground-truth`,
        'Press Ctrl-C to stop.', '',
      ].join('\n'));
      await Promise.race([once(process, 'SIGINT'), once(process, 'SIGTERM')]);
      await sim.close();
    });
}
