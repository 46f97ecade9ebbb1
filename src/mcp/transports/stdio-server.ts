import { serveStdio, StdioServerTransport } from '@modelcontextprotocol/server/stdio';
import type { Readable, Writable } from 'node:stream';
import type { App } from '../../app-types.ts';
import { buildServer } from '../build-server.ts';
import { ObservedTransport } from './observed-transport.ts';

export interface StdioOptions {
  conformance?: boolean;
  toolsPageSize?: number;
  /** For tests: streams other than the process's stdin and stdout. */
  stdin?: Readable;
  stdout?: Writable;
}

export interface StdioHandle {
  /** Resolves when the client closed the connection (stdin EOF). */
  closed: Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves MCP on stdio. The SDK's entry detects the protocol era from the
 * client's opening message and pins one fresh server instance for the
 * connection. stdout carries only MCP messages: logs go to stderr.
 */
export function serveStdioForApp(app: App, options: StdioOptions = {}): StdioHandle {
  const stdout = options.stdout ?? process.stdout;
  const transport = new ObservedTransport(new StdioServerTransport(options.stdin, stdout), stdout);
  const handle = serveStdio(() => buildServer({ app, conformance: options.conformance === true, ...(options.toolsPageSize ? { toolsPageSize: options.toolsPageSize } : {}) }).server, {
    transport,
    onerror: (error) => app.logger.warn({ err: error, transport: 'stdio' }, 'MCP stdio error'),
  });
  return { closed: transport.closed, close: () => handle.close() };
}
