import type { IncomingMessage, ServerResponse } from 'node:http';
import { SSEServerTransport } from '@modelcontextprotocol/server-legacy/sse';
import type { BuiltServer } from '../build-server.ts';
import { readBody } from './node-body.ts';

export interface LegacySseOptions {
  factory: () => BuiltServer;
  /** Where clients POST their messages (announced in the stream's endpoint event). */
  messagesPath: string;
  maxBodyBytes: number;
  /** Open streams at most; one more is refused with 503 (an open stream is a live client, never evicted). */
  maxSessions: number;
  onerror: (error: Error) => void;
}

interface SseSession {
  transport: SSEServerTransport;
  built: BuiltServer;
  heartbeat: NodeJS.Timeout;
}

/** Comment frames keep proxies from cutting an idle stream. */
const HEARTBEAT_MS = 25_000;

/**
 * The deprecated HTTP+SSE transport (protocol 2024-11-05) for old clients:
 * GET /sse opens a stream and a session with its own server instance; the
 * client POSTs messages to /messages?sessionId=… and gets answers on the stream.
 */
export class LegacySseSessions {
  private readonly sessions = new Map<string, SseSession>();
  private readonly options: LegacySseOptions;

  constructor(options: LegacySseOptions) {
    this.options = options;
  }

  async open(res: ServerResponse): Promise<void> {
    if (this.sessions.size >= this.options.maxSessions) {
      res.writeHead(503, { 'content-type': 'text/plain', 'retry-after': '30' })
        .end(`${this.sessions.size} SSE sessions are open, the most server.http.sessions.max allows; retry later.`);
      return;
    }
    const transport = new SSEServerTransport(this.options.messagesPath, res);
    const built = this.options.factory();
    const heartbeat = setInterval(() => { res.write(': keep-alive\n\n'); }, HEARTBEAT_MS);
    heartbeat.unref();
    const id = transport.sessionId;
    this.sessions.set(id, { transport, built, heartbeat });
    res.on('close', () => { void this.drop(id); });
    await built.server.connect(transport);
  }

  async post(req: IncomingMessage, res: ServerResponse, sessionId: string | null): Promise<void> {
    const session = sessionId === null ? undefined : this.sessions.get(sessionId);
    if (!session) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Unknown or closed SSE session; open a new stream at /sse.');
      return;
    }
    const body = await readBody(req, this.options.maxBodyBytes);
    if (!body.ok) {
      res.writeHead(413, { 'content-type': 'text/plain', connection: 'close' }).end(`Request body over ${this.options.maxBodyBytes} bytes.`);
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.text);
    } catch (error) {
      this.options.onerror(error instanceof Error ? error : new Error(String(error)));
      res.writeHead(400, { 'content-type': 'text/plain' }).end('Invalid JSON.');
      return;
    }
    await session.transport.handlePostMessage(req, res, parsed);
  }

  async close(): Promise<void> {
    await Promise.allSettled([...this.sessions.keys()].map((id) => this.drop(id)));
  }

  private async drop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    clearInterval(session.heartbeat);
    await session.built.cleanup().catch((error: unknown) => this.options.onerror(error instanceof Error ? error : new Error(String(error))));
  }
}
