import { randomUUID } from 'node:crypto';
import { isInitializeRequest, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import type { BuiltServer } from '../build-server.ts';
import { MemoryEventStore } from './memory-event-store.ts';

export interface LegacySessionOptions {
  /** Builds the server instance for one session. */
  factory: () => BuiltServer;
  maxBodyBytes: number;
  /** A session with no request for this long is closed (default 30 min). */
  idleTimeoutMs?: number;
  /** Beyond this many sessions the least recently used one is closed (default 1000). */
  maxSessions?: number;
  onerror: (error: Error) => void;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  built: BuiltServer;
  lastSeen: number;
}

/** Clients are told to wait this long before reconnecting a dropped SSE stream. */
const RETRY_INTERVAL_MS = 1_000;

/**
 * Session-based Streamable HTTP for 2025-era clients (2025-03-26 to
 * 2025-11-25): an `initialize` POST opens a session with its own server
 * instance and event store; later requests carry `Mcp-Session-Id`. Sessions
 * are what make server-to-client requests (sampling, elicitation) and SSE
 * resumption work for those clients; the stateless fallback cannot do either.
 */
export class LegacySessions {
  private readonly sessions = new Map<string, Session>();
  private readonly options: LegacySessionOptions;
  private readonly sweeper: NodeJS.Timeout;

  constructor(options: LegacySessionOptions) {
    this.options = options;
    const idle = options.idleTimeoutMs ?? 30 * 60_000;
    this.sweeper = setInterval(() => this.sweep(idle), Math.min(idle, 60_000));
    this.sweeper.unref();
  }

  get size(): number {
    return this.sessions.size;
  }

  async handle(request: Request): Promise<Response> {
    const sessionId = request.headers.get('mcp-session-id');
    if (sessionId !== null) {
      const session = this.sessions.get(sessionId);
      if (!session) return rpcError(404, -32001, 'Session not found: it expired or was closed. Initialize a new session.');
      session.lastSeen = Date.now();
      return session.transport.handleRequest(request);
    }
    if (request.method !== 'POST') {
      return rpcError(405, -32000, 'Method not allowed: without an Mcp-Session-Id this endpoint only takes POST.', { allow: 'POST' });
    }
    let body: unknown;
    try {
      body = await request.json();
    } catch (error) {
      this.options.onerror(error instanceof Error ? error : new Error(String(error)));
      return rpcError(400, -32700, 'Parse error: the request body is not JSON.');
    }
    if (!isInitializeRequest(body)) {
      return rpcError(400, -32000, 'Bad Request: send initialize first (2025 protocol), or use the 2026-07-28 per-request _meta envelope.');
    }
    return this.open(request, body);
  }

  private async open(request: Request, body: unknown): Promise<Response> {
    this.evictBeyond((this.options.maxSessions ?? 1_000) - 1);
    const built = this.options.factory();
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      eventStore: new MemoryEventStore(),
      retryInterval: RETRY_INTERVAL_MS,
      maxRequestBodySize: this.options.maxBodyBytes,
      onsessioninitialized: (id) => { this.sessions.set(id, { transport, built, lastSeen: Date.now() }); },
      onsessionclosed: (id) => { void this.drop(id); },
    });
    await built.server.connect(transport);
    const response = await transport.handleRequest(request, { parsedBody: body });
    if (transport.sessionId === undefined) await built.cleanup();
    return response;
  }

  /** Ends every session: closes their SSE streams and server instances. */
  async close(): Promise<void> {
    clearInterval(this.sweeper);
    await Promise.allSettled([...this.sessions.keys()].map((id) => this.drop(id)));
  }

  private async drop(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (!session) return;
    this.sessions.delete(id);
    await session.built.cleanup().catch((error: unknown) => this.options.onerror(error instanceof Error ? error : new Error(String(error))));
  }

  private sweep(idleMs: number): void {
    const cutoff = Date.now() - idleMs;
    for (const [id, session] of this.sessions) if (session.lastSeen < cutoff) void this.drop(id);
  }

  private evictBeyond(limit: number): void {
    if (this.sessions.size <= limit) return;
    const byAge = [...this.sessions.entries()].sort(([, a], [, b]) => a.lastSeen - b.lastSeen);
    for (const [id] of byAge.slice(0, this.sessions.size - limit)) void this.drop(id);
  }
}

function rpcError(status: number, code: number, message: string, headers: Record<string, string> = {}): Response {
  return Response.json({ jsonrpc: '2.0', error: { code, message }, id: null }, { status, headers });
}
