import { z } from 'zod';
import { ConduitError, type Logger } from '../../../src/adapter-kit/index.ts';
import { generateInstance } from './generator/generate-instance.ts';
import { GroundTruthBuilder, type GroundTruth } from './generator/ground-truth.ts';
import { adminRoutes } from './server/admin-routes.ts';
import { FaultInjector } from './server/fault-injector.ts';
import { SessionStore } from './server/session-store.ts';
import { startSimHttpServer } from './server/sim-http-server.ts';
import type { SimEnvironment } from './server/sim-route.ts';
import { StatsRecorder } from './server/sim-stats.ts';
import { SIMULATOR_SURFACES } from './surfaces.ts';
import type { ResolvedSimulatorOptions, SimulatorFaults, SitecoreSimulator, SitecoreSimulatorOptions } from './simulator-types.ts';

export type { SimulatorFaults, SimulatorStats, SitecoreSimulator, SitecoreSimulatorOptions } from './simulator-types.ts';
export type { GroundTruth, GroundTruthFinding, GroundTruthControl } from './generator/ground-truth.ts';
export { RULES, XRAY_CATEGORIES } from './generator/ground-truth.ts';
export { SimTree } from './tree/sim-tree.ts';
export type { SimItem, SimVersion, TemplateInfo, TemplateFieldDef } from './tree/sim-item.ts';
export type { SimEnvironment, SimRoute, SimRequest, SimulatorSurface } from './server/sim-route.ts';
export { generateInstance } from './generator/generate-instance.ts';

export const DEFAULT_NOW = new Date('2026-11-01T00:00:00Z');

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined, child: () => silent };

const optionsSchema = z.object({
  items: z.number().int().min(1).max(2_000_000).default(2000),
  seed: z.number().int().default(1),
  defects: z.boolean().default(true),
  now: z.date().default(DEFAULT_NOW),
  port: z.number().int().min(0).max(65_535).default(0),
  host: z.string().min(1).default('127.0.0.1'),
  credentials: z.object({ domain: z.string(), username: z.string(), password: z.string() }).default({ domain: 'sitecore', username: 'admin', password: 'b' }),
  cookieName: z.enum(['.AspNet.Cookies', '.ASPXAUTH']).default('.AspNet.Cookies'),
  sessionTtlMs: z.number().int().min(1).default(20 * 60 * 1000),
  edgeApiKey: z.string().optional(),
  authoringClient: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }).optional(),
  authoringTokenTtlSeconds: z.number().int().min(1).optional(),
});

function resolveOptions(options: SitecoreSimulatorOptions): ResolvedSimulatorOptions {
  const { faults: _faults, tree: _tree, groundTruth: _truth, logger: _logger, tls: _tls, ...rest } = options;
  const parsed = optionsSchema.safeParse(rest);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConduitError('CFG_INVALID_VALUE', `Invalid Sitecore simulator option ${issue?.path.join('.') ?? ''}: ${issue?.message ?? 'invalid'}`, {
      hint: 'Check the options passed to startSitecoreSimulator / `conduit simulator sitecore`.', cause: parsed.error,
    });
  }
  const { edgeApiKey, authoringClient, authoringTokenTtlSeconds } = parsed.data;
  return { ...parsed.data, edgeApiKey, authoringClient, authoringTokenTtlSeconds };
}

function faultInjector(seed: number, faults: SimulatorFaults | undefined): FaultInjector {
  try {
    return new FaultInjector(seed, faults ?? {});
  } catch (error) {
    throw new ConduitError('CFG_INVALID_VALUE', `Invalid simulator faults: ${error instanceof Error ? error.message : String(error)}`, {
      hint: 'See SimulatorFaults in adapters/sitecore/simulator/simulator-types.ts (routes must be a valid RegExp source).', cause: error,
    });
  }
}

/**
 * Starts a Sitecore simulator on 127.0.0.1: a generated instance served over
 * the SSC Item Service REST API (and any other registered surface), with fault
 * injection, statistics and the planted defects' ground truth.
 */
export async function startSitecoreSimulator(options: SitecoreSimulatorOptions = {}): Promise<SitecoreSimulator> {
  const resolved = resolveOptions(options);
  const generated = options.tree ? undefined : generateInstance(resolved);
  const tree = options.tree ?? generated?.tree;
  if (!tree) throw new Error('unreachable: no simulator tree');
  const truth: GroundTruth = options.groundTruth ?? generated?.groundTruth
    ?? new GroundTruthBuilder().build({ seed: resolved.seed, items: tree.size, now: resolved.now.getTime() });
  const stats = new StatsRecorder();
  const faults = faultInjector(resolved.seed, options.faults);
  const startedAt = Date.now();
  const env: SimEnvironment = {
    tree, options: resolved, sessions: new SessionStore(resolved.cookieName, resolved.sessionTtlMs), groundTruth: () => truth,
    now: () => resolved.now.getTime() + (Date.now() - startedAt), countChildrenFetch: (id) => stats.childrenFetch(id), logger: options.logger ?? silent,
  };
  const routes = SIMULATOR_SURFACES.flatMap((surface) => surface.routes(env));
  const server = await startSimHttpServer({ env, routes, adminRoutes: adminRoutes(stats, faults), faults, stats }, resolved.host, resolved.port, options.tls);
  env.options.port = server.port;
  return {
    url: server.url,
    tree,
    stats: () => stats.snapshot(),
    resetStats: () => stats.reset(),
    setFaults: (f) => {
      try {
        faults.set(f);
      } catch (error) {
        throw new ConduitError('CFG_INVALID_VALUE', `Invalid simulator faults: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
      }
    },
    groundTruth: () => truth,
    close: () => server.close(),
  };
}
