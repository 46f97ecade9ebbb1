// Starts Conduit's MCP HTTP server with the conformance fixtures on a test App
// (real call runner and content service, in-memory CMS), for running the
// conformance suites before `conduit serve` can start without a configured CMS.
// Usage: node test/conformance/dev-serve.ts [port]
import { startHttpServer } from '../../src/mcp/index.ts';
import { createMemoryAdapter } from '../../src/mcp/test-support/memory-adapter.ts';
import { createTestApp } from '../../src/mcp/test-support/test-app.ts';

const port = Number(process.argv[2] ?? 3000);
const app = createTestApp({ adapters: { memory: createMemoryAdapter() } });
const server = await startHttpServer({ app, host: '127.0.0.1', port, conformance: true });
process.stderr.write(`conduit dev server (conformance fixtures) at ${server.url}/mcp\n`);
const stop = (): void => { void server.close().then(() => process.exit(0)); };
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
