import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface StdioLoadResult { callsPerSecond: number; p50Ms: number; p99Ms: number; errors: number }

/**
 * Drives `conduit serve` over stdio with raw JSON-RPC (2025-11-25 handshake), keeping `window`
 * calls in flight, so the number measures the server and not a client library.
 */
export async function stdioLoad(command: string, args: string[], env: Record<string, string>, call: { name: string; arguments: Record<string, unknown> }, options: { window: number; seconds: number }): Promise<StdioLoadResult> {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'ignore'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = new Map<number, (line: Record<string, unknown>) => void>();
  lines.on('line', (line) => {
    const message: unknown = JSON.parse(line);
    const id = Reflect.get(message as object, 'id');
    if (typeof id === 'number') waiting.get(id)?.(message as Record<string, unknown>);
    waiting.delete(id as number);
  });
  let nextId = 1;
  const request = (method: string, params: unknown): Promise<Record<string, unknown>> => new Promise((resolve) => {
    const id = nextId++;
    waiting.set(id, resolve);
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id, method, params })}\n`);
  });
  await request('initialize', { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'bench', version: '1' } });
  child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', method: 'notifications/initialized' })}\n`);
  for (let i = 0; i < 200; i++) await request('tools/call', call); // warm-up (login, cache, JIT)

  const latencies: number[] = [];
  let errors = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const started = performance.now();
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) {
      const t0 = performance.now();
      const reply = await request('tools/call', call);
      latencies.push(performance.now() - t0);
      const result = Reflect.get(reply, 'result');
      if (!result || Reflect.get(result as object, 'isError') === true) errors++;
    }
  };
  await Promise.all(Array.from({ length: options.window }, worker));
  const elapsed = (performance.now() - started) / 1000;
  child.kill('SIGTERM');
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return { callsPerSecond: latencies.length / elapsed, p50Ms: at(0.5), p99Ms: at(0.99), errors };
}
