import type { Command } from 'commander';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import cluster from 'node:cluster';
import { createApp } from '../../app.ts';
import { ConduitError } from '../../core/conduit-error.ts';
import type { App } from '../../app-types.ts';
import { createOpsRoutes } from '../../ops/ops-routes.ts';
import { serveStdioForApp, startHttpServer } from '../../mcp/index.ts';
import { loadCliConfig, withOverrides } from '../cli-config.ts';
import { parseListen } from '../parse-listen.ts';
import { clusterMetricsRenderer } from '../../ops/cluster-metrics.ts';
import { createLogger } from '../../ops/logger.ts';
import { parseWorkers, runPrimary, shareLimits, workerRole } from './serve-workers.ts';

interface ServeFlags {
  config?: string;
  http?: string | true;
  readOnly?: boolean;
  opsPort?: string;
  conformance?: boolean;
  allowUnauthenticated?: boolean;
  workers?: string;
}

export function registerServe(program: Command): void {
  program.command('serve')
    .description('Run the MCP server: stdio by default, or Streamable HTTP (+ legacy SSE) with --http')
    .option('--http [host:port]', 'serve Streamable HTTP at /mcp and legacy SSE at /sse (default 127.0.0.1:3000)')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--read-only', 'hide and refuse every write tool')
    .option('--ops-port <port>', 'in stdio mode, serve /health /ready /metrics on 127.0.0.1:<port>')
    .option('--workers <n>', 'with --http: serve from n processes sharing the port (stateful 2025 sessions and legacy SSE stay on one of them; see DEPLOYMENT.md)')
    .option('--allow-unauthenticated', 'allow a non-loopback bind without auth tokens (only behind a trusted proxy)')
    .option('--conformance', 'also serve the MCP conformance suite\'s test_* tools, resources and prompts (testing only)')
    .action(async (flags: ServeFlags) => { await serve(flags); });
}

async function serve(flags: ServeFlags): Promise<void> {
  const workers = parseWorkers(flags.workers);
  if (workers > 1 && flags.http === undefined) {
    throw new ConduitError('CFG_INVALID_VALUE', '--workers needs --http: stdio serves one client from one process.', { hint: 'Add --http [host:port], or drop --workers.' });
  }
  const role = workers > 1 ? workerRole() : undefined;
  const loaded = await loadCliConfig(flags.config);
  const config = withOverrides(loaded.config, (draft) => {
    if (flags.readOnly) draft.mcp.readOnly = true;
    if (typeof flags.http === 'string') Object.assign(draft.server.http, parseListen(flags.http, draft.server.http));
    if (role) shareLimits(draft, role.count);
  });
  if (workers > 1 && cluster.isPrimary) {
    process.exitCode = await runPrimary(workers, createLogger({ level: config.logging.level, secrets: loaded.secrets }));
    return;
  }
  const app = await createApp(config, { secrets: loaded.secrets });
  // Pick up scans whose leases expired (a crash or restart); on Postgres, also join running scans.
  // Under --workers only the session worker does, so two processes never race for the same scan.
  if (!role || role.index === 0) app.xray.startAutoResume({ join: true });
  for (const warning of loaded.warnings) app.logger.warn({ code: warning.code, path: warning.path }, warning.message);
  const ops = createOpsRoutes(app, role ? { renderMetrics: clusterMetricsRenderer(app.metrics) } : {});
  if (flags.http !== undefined) {
    const server = await startHttpServer({
      app, host: config.server.http.host, port: config.server.http.port, extraRoutes: ops,
      forceUnsafeBind: flags.allowUnauthenticated === true, conformance: flags.conformance === true,
      ...(role ? { stateful: role.stateful } : {}),
    });
    app.logger.info({ url: server.url, ...(role ? { worker: role.index, workers: role.count } : {}) }, 'conduit MCP server listening (Streamable HTTP at /mcp, legacy SSE at /sse)');
    await untilSignal(app, () => server.close());
    return;
  }
  const opsServer = flags.opsPort === undefined ? undefined : await listenOps(ops, Number(flags.opsPort));
  const stdio = await serveStdioForApp(app, { conformance: flags.conformance === true });
  app.logger.info({ transport: 'stdio' }, 'conduit MCP server ready on stdio');
  await untilSignal(app, async () => {
    await stdio.close();
    opsServer?.closeAllConnections();
    opsServer?.close();
  }, stdio.closed);
}

/**
 * Graceful shutdown: stop accepting work, flip /ready to 503, drain in-flight
 * calls up to shutdownTimeoutMs, close connections, close stores and adapters.
 */
async function untilSignal(app: App, closeTransport: () => Promise<void> | void, transportClosed?: Promise<void>): Promise<void> {
  const signals: Promise<unknown>[] = [once(process, 'SIGTERM'), once(process, 'SIGINT')];
  if (transportClosed) signals.push(transportClosed);
  const reason = await Promise.race(signals.map((p, i) => p.then(() => i)));
  app.beginShutdown();
  app.logger.info({ reason: ['SIGTERM', 'SIGINT', 'transport closed'][reason], inFlight: app.calls.inFlight() }, 'shutting down');
  const drained = await app.calls.drain(app.config.server.shutdownTimeoutMs);
  if (!drained) app.logger.warn({ timeoutMs: app.config.server.shutdownTimeoutMs }, 'shutdown timeout: in-flight calls aborted');
  await closeTransport();
  await app.close();
  app.logger.info({}, 'shutdown complete');
}

async function listenOps(handler: ReturnType<typeof createOpsRoutes>, port: number): Promise<Server> {
  const server = createServer((req, res) => {
    if (!handler(req, res)) res.writeHead(404, { 'content-type': 'application/json' }).end('{"error":"not found"}');
  });
  server.listen(port, '127.0.0.1');
  await once(server, 'listening');
  return server;
}
