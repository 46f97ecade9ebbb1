import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, request, type IncomingMessage, type ServerResponse } from 'node:http';
import { once } from 'node:events';
import { readBody } from './node-body.ts';
import { webRequestOf, writeWebResponse } from './node-exchange.ts';

/** A real loopback server running `handle`; returns its URL and a stop function. */
async function serve(handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) {
  const server = createServer((req, res) => { void handle(req, res); });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, stop: () => { server.closeAllConnections(); server.close(); } };
}

/** POSTs `chunks` with chunked encoding (no Content-Length), so the size check happens while reading. */
function postChunked(url: string, chunks: string[]): Promise<{ status: number; headers: IncomingMessage['headers']; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-probe': 'yes' } }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => { body += c.toString(); });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    for (const chunk of chunks) req.write(chunk);
    req.end();
  });
}

void test('readBody joins a chunked body and stops with 413 past the limit', async () => {
  const seen: Array<Awaited<ReturnType<typeof readBody>>> = [];
  const server = await serve(async (req, res) => {
    const body = await readBody(req, 16);
    seen.push(body);
    res.writeHead(body.ok ? 200 : 413).end(body.ok ? body.text : '');
  });
  try {
    const ok = await postChunked(server.url, ['{"a":', '"é"}']);
    assert.equal(ok.status, 200);
    assert.equal(ok.body, '{"a":"é"}');
    await postChunked(server.url, ['x'.repeat(10), 'y'.repeat(10)]).catch(() => undefined); // the server stops reading: the socket may be cut
    assert.deepEqual(seen.map((b) => b.ok), [true, false]);
  } finally {
    server.stop();
  }
});

void test('webRequestOf keeps method, URL and headers; writeWebResponse sends JSON in one piece and streams the rest', async () => {
  const server = await serve(async (req, res) => {
    const gone = new AbortController();
    const body = await readBody(req, 1024);
    const request = webRequestOf(req, gone.signal, body.ok ? body.text : undefined);
    assert.equal(request.method, 'POST');
    assert.equal(request.headers.get('x-probe'), 'yes');
    assert.equal(new URL(request.url).pathname, req.url?.split('?')[0]);
    const echoed = await request.text();
    if (req.url === '/json') {
      await writeWebResponse(res, Response.json({ echoed }, { headers: { 'mcp-extra': '1' } }), gone.signal);
      return;
    }
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('event: message\ndata: 1\n\n'));
        controller.enqueue(new TextEncoder().encode('event: message\ndata: 2\n\n'));
        controller.close();
      },
    });
    await writeWebResponse(res, new Response(stream, { headers: { 'content-type': 'text/event-stream' } }), gone.signal);
  });
  try {
    const json = await postChunked(`${server.url}/json`, ['{"q":', '1}']);
    assert.equal(json.status, 200);
    assert.equal(json.headers['content-length'], String(Buffer.byteLength(json.body)));
    assert.equal(json.headers['mcp-extra'], '1');
    assert.deepEqual(JSON.parse(json.body), { echoed: '{"q":1}' });
    const sse = await postChunked(`${server.url}/sse`, ['{}']);
    assert.equal(sse.headers['content-type'], 'text/event-stream');
    assert.equal(sse.headers['transfer-encoding'], 'chunked');
    assert.equal(sse.body, 'event: message\ndata: 1\n\nevent: message\ndata: 2\n\n');
  } finally {
    server.stop();
  }
});
