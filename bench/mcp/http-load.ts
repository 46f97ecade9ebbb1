import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface LoadResult { callsPerSecond: number; p50Ms: number; p99Ms: number; errors: number; tool: string }

const META = { 'io.modelcontextprotocol/protocolVersion': '2026-07-28', 'io.modelcontextprotocol/clientInfo': { name: 'bench', version: '1' }, 'io.modelcontextprotocol/clientCapabilities': {} };

/** A 2026-07-28 stateless tools/call request body, as the SDK v2 client sends it. */
export function toolCallBody(name: string, args: Record<string, unknown>): string {
  return JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name, arguments: args, _meta: META } });
}

/**
 * Drives `connections` keep-alive connections at an MCP endpoint with wrk (Debian's `wrk`, a C load
 * generator, so the load generator does not eat the server's CPU the way a Node one would).
 */
export async function wrkLoad(url: string, tool: string, body: string, connections: number, seconds: number): Promise<LoadResult> {
  return wrkMixLoad(url, [{ tool, body }], connections, seconds);
}

/** The same with a mix of calls: request n sends calls[n mod length], each with its own Mcp-Name header. */
export async function wrkMixLoad(url: string, calls: ReadonlyArray<{ tool: string; body: string }>, connections: number, seconds: number): Promise<LoadResult> {
  const tool = calls.map((c) => c.tool).join('+');
  const script = join(tmpdir(), `conduit-bench-${process.pid}-${calls.length}.lua`);
  writeFileSync(script, [
    'wrk.method = "POST"',
    'wrk.headers["content-type"] = "application/json"',
    'wrk.headers["accept"] = "application/json, text/event-stream"',
    'wrk.headers["mcp-protocol-version"] = "2026-07-28"',
    'wrk.headers["mcp-method"] = "tools/call"',
    `local calls = { ${calls.map((c) => `{ name = "${c.tool}", body = [[${c.body}]] }`).join(', ')} }`,
    'local n = 0',
    'function request() n = n + 1; local c = calls[(n % #calls) + 1]; wrk.headers["mcp-name"] = c.name; return wrk.format(nil, nil, nil, c.body) end',
    // A tool error (isError) comes with HTTP 200: count those too, per thread, and add them up at the end.
    'local threads = {}',
    'function setup(thread) table.insert(threads, thread) end',
    'function response(status, headers, body) if status ~= 200 or string.find(body, \'"isError":true\') then wrk.thread:set("bad", (wrk.thread:get("bad") or 0) + 1) end end',
    'function done(summary, latency, requests) local bad = 0; for _, t in ipairs(threads) do bad = bad + (t:get("bad") or 0) end; io.write(string.format("failed calls: %d\\n", bad)) end',
  ].join('\n'));
  // Asynchronous on purpose: the simulator may live in this process and must keep answering.
  const out = await new Promise<string>((resolve, reject) => {
    const child = spawn('wrk', ['-t2', `-c${connections}`, `-d${seconds}s`, '--latency', '-s', script, url], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => { stdout += c.toString(); });
    child.stderr.on('data', (c: Buffer) => { stderr += c.toString(); });
    child.on('error', (e) => reject(new Error(`wrk failed: ${e.message}. Install it with: apt-get install -y wrk`)));
    child.on('close', (code) => (code === 0 ? resolve(stdout) : reject(new Error(`wrk exited ${code}: ${stderr}`))));
  });
  const num = (re: RegExp): number => Number(re.exec(out)?.[1] ?? NaN);
  const ms = (re: RegExp): number => {
    const m = re.exec(out);
    if (!m?.[1]) return NaN;
    const unit = m[2];
    return Number(m[1]) * (unit === 's' ? 1000 : unit === 'us' ? 0.001 : 1);
  };
  // Non-2xx answers and tool errors, as the script's done() counted them.
  const failed = num(/failed calls: (\d+)/);
  return {
    tool,
    callsPerSecond: num(/Requests\/sec:\s+([\d.]+)/),
    p50Ms: ms(/50%\s+([\d.]+)(us|ms|s)/),
    p99Ms: ms(/99%\s+([\d.]+)(us|ms|s)/),
    errors: failed,
  };
}

export function haveWrk(): boolean {
  return spawnSync('wrk', ['--version'], { encoding: 'utf8' }).error === undefined;
}
