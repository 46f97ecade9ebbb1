import { createServer, type Server } from 'node:http';
import { createEdgeHandler, type EdgeHandlerOptions } from './edge-handler.ts';

export interface EdgeTestServer {
  url: string;
  /** Answer every Edge request with this HTTP status (e.g. 503) until cleared with undefined. */
  failWith(status: number | undefined): void;
  /** Requests answered so far, by status. */
  statuses(): Record<number, number>;
  close(): Promise<void>;
}

/**
 * A stand-alone HTTP server for the Edge surface alone (127.0.0.1, port 0 by
 * default). The full Sitecore simulator serves the same handler next to SSC;
 * this one keeps Edge tests independent of it.
 */
export async function startEdgeTestServer(options: EdgeHandlerOptions & { port?: number; host?: string }): Promise<EdgeTestServer> {
  const handler = createEdgeHandler(options);
  const statuses: Record<number, number> = {};
  let failure: number | undefined;
  const server: Server = createServer((req, res) => {
    res.on('finish', () => { statuses[res.statusCode] = (statuses[res.statusCode] ?? 0) + 1; });
    if (failure !== undefined) {
      req.resume();
      res.writeHead(failure, { 'Content-Type': 'text/plain' });
      res.end('Injected failure');
      return;
    }
    handler(req, res).then((handled) => {
      if (!handled) {
        res.writeHead(404, { 'Content-Type': 'text/plain' });
        res.end('Not found');
      }
    }, (error: unknown) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ errors: [{ message: error instanceof Error ? error.message : 'internal error' }] }));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('Edge test server did not bind to a TCP port.');
  return {
    url: `http://${address.address}:${address.port}`,
    failWith: (status) => { failure = status; },
    statuses: () => ({ ...statuses }),
    close: () => new Promise<void>((resolve, reject) => {
      server.closeAllConnections();
      server.close((error) => (error ? reject(error) : resolve()));
    }),
  };
}
