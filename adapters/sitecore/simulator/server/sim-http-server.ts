import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { Socket } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { ConduitError } from '../../../../src/adapter-kit/index.ts';
import type { FaultInjector } from './fault-injector.ts';
import { sendJson, sendServerError, sendFaultStatus, sendText } from './responses.ts';
import { toSimRequest } from './sim-request.ts';
import type { SimEnvironment, SimRoute } from './sim-route.ts';
import type { StatsRecorder } from './sim-stats.ts';
import type { SimulatorTls } from '../simulator-types.ts';

export interface SimHttpServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface SimServerParts {
  env: SimEnvironment;
  routes: SimRoute[];
  adminRoutes: SimRoute[];
  faults: FaultInjector;
  stats: StatsRecorder;
}

function hasQuery(url: URL, name: string): boolean {
  for (const key of url.searchParams.keys()) if (key.toLowerCase() === name.toLowerCase()) return true;
  return false;
}

function findRoute(routes: SimRoute[], method: string, url: URL): { route: SimRoute; match: RegExpExecArray } | 'wrong-method' | undefined {
  let patternMatched = false;
  for (const route of routes) {
    const match = route.pattern.exec(url.pathname);
    if (!match || (route.whenQuery !== undefined && !hasQuery(url, route.whenQuery))) continue;
    if (route.methods.includes(method)) return { route, match };
    patternMatched = true;
  }
  return patternMatched ? 'wrong-method' : undefined;
}

interface Lifecycle {
  signal: AbortSignal;
  die(): void;
}

async function runRoute(req: IncomingMessage, res: ServerResponse, parts: SimServerParts, routes: SimRoute[], method: string, url: URL): Promise<void> {
  const found = findRoute(routes, method, url);
  if (found === undefined) return sendText(res, 404, '<h2>The resource cannot be found.</h2>', 'text/html; charset=utf-8');
  if (found === 'wrong-method') return sendJson(res, 405, { Message: `The requested resource does not support http method '${method}'.` });
  await found.route.handle(toSimRequest(req, url, found.match), res, parts.env);
}

/** Admin routes first (never faulted or counted), then stats, fault decision, latency, and the CMS route. */
function requestHandler(parts: SimServerParts, life: Lifecycle): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  return async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://simulator');
    const path = url.pathname;
    const method = (req.method ?? 'GET').toUpperCase();
    if (path.startsWith('/_sim/')) return runRoute(req, res, parts, parts.adminRoutes, method, url);
    const found = findRoute(parts.routes, method, url);
    parts.stats.request(typeof found === 'object' ? found.route.name : 'unmatched');
    const decision = parts.faults.decide(path, Date.now());
    if (decision.kind === 'dead') return void req.socket.destroy();
    if (decision.kind === 'hang') return;
    if (decision.dieAfter) res.on('finish', life.die);
    if (decision.latencyMs > 0) await sleep(decision.latencyMs, undefined, { signal: life.signal });
    if (decision.kind === 'status') return sendFaultStatus(res, decision.status, decision.retryAfterSeconds);
    await runRoute(req, res, parts, parts.routes, method, url);
  };
}

/**
 * The simulator's node:http server on host:port (node:https with `tls`); close() (or dieAfterRequests)
 * closes the listener and every socket.
 */
export async function startSimHttpServer(parts: SimServerParts, host: string, port: number, tls?: SimulatorTls): Promise<SimHttpServer> {
  const sockets = new Set<Socket>();
  const aborter = new AbortController();
  let dead = false;
  const die = (): void => {
    if (dead) return;
    dead = true;
    aborter.abort();
    server.close();
    for (const socket of sockets) socket.destroy();
  };
  const handle = requestHandler(parts, { signal: aborter.signal, die });
  const serve = (req: IncomingMessage, res: ServerResponse): void => {
    handle(req, res).catch((error: unknown) => {
      if (error instanceof Error && error.name === 'AbortError') return void req.socket.destroy();
      parts.env.logger.error({ err: error, url: req.url }, 'simulator route failed');
      if (!res.headersSent) sendServerError(res);
      else res.destroy();
    });
  };
  const mutual = tls?.clientCa ? { ca: tls.clientCa, requestCert: true, rejectUnauthorized: true } : {};
  const server = tls ? createTlsServer({ key: tls.key, cert: tls.cert, ...mutual }, serve) : createServer(serve);
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const closed = new Promise<void>((resolve) => server.on('close', () => resolve()));
  await new Promise<void>((resolve, reject) => {
    server.once('error', (error) => reject(new ConduitError('HTTP_LISTEN_FAILED', `The Sitecore simulator could not listen on ${host}:${port}: ${error.message}`, { cause: error })));
    server.listen(port, host, () => resolve());
  });
  const address = server.address();
  const boundPort = typeof address === 'object' && address !== null ? address.port : port;
  return { url: `${tls ? 'https' : 'http'}://${host}:${boundPort}`, port: boundPort, close: async () => { die(); await closed; } };
}
