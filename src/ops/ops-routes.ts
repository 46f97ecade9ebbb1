import type { IncomingMessage, ServerResponse } from 'node:http';
import type { App } from '../app-types.ts';
import type { MetricsRenderer } from './cluster-metrics.ts';

/**
 * /health (liveness: cheap, never calls a CMS), /ready (store, breakers, last
 * upstream success; 503 when not ready) and /metrics (Prometheus). Returns
 * true when it handled the request, so it can sit in front of other routes.
 */
export function createOpsRoutes(app: App, options: { renderMetrics?: MetricsRenderer } = {}): (req: IncomingMessage, res: ServerResponse) => boolean {
  const renderMetrics = options.renderMetrics ?? (() => app.metrics.render());
  const started = Date.now();
  return (req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path !== '/health' && path !== '/ready' && path !== '/metrics') return false;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD', 'content-type': 'application/json' }).end('{"error":"method not allowed"}');
      return true;
    }
    if (path === '/health') {
      sendJson(res, 200, { status: 'ok', version: app.version, uptimeSeconds: Math.round((Date.now() - started) / 1000) });
      return true;
    }
    const reply = path === '/ready' ? readyReply(app) : metricsReply(renderMetrics);
    reply.then(
      (r) => { res.writeHead(r.status, { 'content-type': r.contentType, 'cache-control': 'no-store' }).end(r.body); },
      (error: unknown) => {
        app.logger.error({ err: error, path }, 'ops endpoint failed');
        if (!res.headersSent) sendJson(res, 500, { status: 'error' });
      },
    );
    return true;
  };
}

async function readyReply(app: App): Promise<{ status: number; contentType: string; body: string }> {
  const readiness = await app.readiness();
  return { status: readiness.ready ? 200 : 503, contentType: 'application/json', body: JSON.stringify(readiness) };
}

async function metricsReply(render: MetricsRenderer): Promise<{ status: number; contentType: string; body: string }> {
  const rendered = await render();
  return { status: 200, contentType: rendered.contentType, body: rendered.body };
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' }).end(JSON.stringify(body));
}
