import { z } from 'zod';
import { ConduitError } from '../../../src/adapter-kit/index.ts';
import { startSitecoreSimulator } from './sitecore-simulator.ts';
import type { SimulatorFaults, SitecoreSimulator } from './simulator-types.ts';

/** One line per flag, for `conduit simulator sitecore --help`. */
export const SIMULATOR_CLI_FLAGS = [
  '--items <n>            items to generate (default 5000)',
  '--port <port>          port on 127.0.0.1, 0 = any free port (default 8089)',
  '--seed <n>             generator seed: same seed, same instance (default 1)',
  '--no-defects           do not plant X-Ray defects',
  '--now <iso date>       the generator clock for dates (default 2026-11-01T00:00:00Z)',
  '--cookie-name <name>   .AspNet.Cookies (9.1+, default) or .ASPXAUTH (8.x/9.0)',
  '--session-ttl-ms <ms>  login session lifetime (default 1200000)',
  '--latency-ms <ms>      added latency per request',
  '--error-rate <0..1>    fraction of requests answered with --error-status',
  '--error-status <code>  500 or 503 (default 503)',
  '--rate-limit <n>       requests per second before answering 429',
  '--retry-after <s>      Retry-After seconds on 429/503 (default 1)',
  '--hang-rate <0..1>     fraction of requests never answered',
  '--die-after <n>        close the listener after n requests',
] as const;

export const SIMULATOR_CLI_DESCRIPTION = 'Sitecore simulator: SSC Item Service REST (and Edge GraphQL) on 127.0.0.1, with planted X-Ray defects and fault injection';

const num = z.coerce.number();
const flagsSchema = z.object({
  items: num.int().min(1).default(5000),
  port: num.int().min(0).max(65_535).default(8089),
  seed: num.int().default(1),
  defects: z.boolean().default(true),
  now: z.coerce.date().optional(),
  cookieName: z.enum(['.AspNet.Cookies', '.ASPXAUTH']).optional(),
  sessionTtlMs: num.int().min(1).optional(),
  latencyMs: num.int().min(0).optional(),
  errorRate: num.min(0).max(1).optional(),
  errorStatus: z.coerce.number().pipe(z.union([z.literal(500), z.literal(503)])).optional(),
  rateLimit: num.int().min(1).optional(),
  retryAfter: num.int().min(0).optional(),
  hangRate: num.min(0).max(1).optional(),
  dieAfter: num.int().min(0).optional(),
}).loose();

/**
 * Starts the simulator from commander-style flags (strings or numbers, camelCase
 * keys). Returns the handle; the CLI prints `simulatorBanner(handle)` and closes it on SIGINT.
 */
export async function runSimulatorCli(flags: Record<string, unknown>): Promise<SitecoreSimulator> {
  const parsed = flagsSchema.safeParse(flags);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConduitError('CFG_INVALID_VALUE', `Invalid flag --${String(issue?.path[0] ?? '').replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${issue?.message ?? 'invalid'}`, {
      hint: 'Run `conduit simulator sitecore --help` for the flags.', cause: parsed.error,
    });
  }
  const f = parsed.data;
  const faults: SimulatorFaults = {
    ...(f.latencyMs !== undefined ? { latencyMs: f.latencyMs } : {}), ...(f.errorRate !== undefined ? { errorRate: f.errorRate } : {}),
    ...(f.errorStatus !== undefined ? { errorStatus: f.errorStatus } : {}), ...(f.rateLimit !== undefined ? { rateLimitPerSecond: f.rateLimit } : {}),
    ...(f.retryAfter !== undefined ? { retryAfterSeconds: f.retryAfter } : {}), ...(f.hangRate !== undefined ? { hangRate: f.hangRate } : {}),
    ...(f.dieAfter !== undefined ? { dieAfterRequests: f.dieAfter } : {}),
  };
  return startSitecoreSimulator({
    items: f.items, port: f.port, seed: f.seed, defects: f.defects, faults,
    ...(f.now ? { now: f.now } : {}), ...(f.cookieName ? { cookieName: f.cookieName } : {}), ...(f.sessionTtlMs ? { sessionTtlMs: f.sessionTtlMs } : {}),
  });
}

/** What the CLI prints once the simulator listens. */
export function simulatorBanner(sim: SitecoreSimulator): string[] {
  const truth = sim.groundTruth();
  const planted = Object.values(truth.counts).reduce((a, b) => a + b, 0);
  return [
    `Sitecore simulator listening on ${sim.url} with ${sim.tree.size.toLocaleString('en')} items (seed ${truth.seed}, ${planted} planted X-Ray findings).`,
    `  SSC login:  POST ${sim.url}/sitecore/api/ssc/auth/login  {"domain":"sitecore","username":"admin","password":"b"}`,
    `  Items:      GET  ${sim.url}/sitecore/api/ssc/item/110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9`,
    `  Controls:   GET  ${sim.url}/_sim/stats · POST ${sim.url}/_sim/faults · GET ${sim.url}/_sim/ground-truth`,
  ];
}
