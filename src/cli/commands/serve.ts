import type { Command } from 'commander';
import { createServer, type Server } from 'node:http';
import { once } from 'node:events';
import { createApp } from '../../app.ts';
import type { App } from '../../app-types.ts';
import { createOpsRoutes } from '../../ops/ops-routes.ts';
import { serveStdioForApp, startHttpServer } from '../../mcp/index.ts';
import { loadCliConfig, withOverrides } from '../cli-config.ts';
import { parseListen } from '../parse-listen.ts';

interface ServeFlags {
  config?: string;
  http?: string | true;
  readOnly?: boolean;
  opsPort?: string;
  conformance?: boolean;
  allowUnauthenticated?: boolean;
}

export function registerServe(program: Command): void {
  program.command('serve')
    .description('Run the MCP server: stdio by default, or Streamable HTTP (+ legacy SSE) with --http')
    .option('--http [host:port]', 'serve Streamable HTTP at /mcp and legacy SSE at /sse (default 127.0.0.1:3000)')
    .option('-c, --config <file>', 'configuration file (default $CONDUIT_CONFIG or ./conduit.yaml)')
    .option('--read-only', 'hide and refuse every write tool')
    .option('--ops-port <port>', 'in stdio mode, serve /health /ready /metrics on 127.0.0.1:<port>')
    .option('--allow-unauthenticated', 'allow a non-loopback bind without auth tokens (only behind a trusted proxy)')
    .option('--conformance', 'also serve the MCP conformance suite\'s test_* tools, resources and prompts (testing only)')
    .action(async (flags: ServeFlags) => { await serve(flags); });
}

async function serve(flags: ServeFlags): Promise<void> {
  const loaded = await loadCliConfig(flags.config);
  const config = withOverrides(loaded.config, (draft) => {
    if (flags.readOnly) draft.mcp.readOnly = true;
    if (typeof flags.http === 'string') Object.assign(draft.server.http, parseListen(flags.http, draft.server.http));
  });
  const app = await createApp(config, { secrets: loaded.secrets });
  // Pick up scans whose leases expired (a crash or restart); on Postgres, also join running scans.
  app.xray.startAutoResume({ join: true });
  for (const warning of loaded.warnings) app.logger.warn({ code: warning.code, path: warning.path }, warning.message);
  const ops = createOpsRoutes(app);
  if (flags.http !== undefined) {
    const server = await startHttpServer({
      app, host: config.server.http.host, port: config.server.http.port, extraRoutes: ops,
      forceUnsafeBind: flags.allowUnauthenticated === true, conformance: flags.conformance === true,
    });
    app.logger.info({ url: server.url }, 'conduit MCP server listening (Streamable HTTP at /mcp, legacy SSE at /sse)');
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
