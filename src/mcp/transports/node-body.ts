import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; status: 413 };

/**
 * Reads a request body as UTF-8 text, stopping (413) as soon as it passes `maxBytes`.
 * Event listeners rather than `for await`: this runs once per MCP POST, and the async
 * iterator's per-request setup was a visible cost under load.
 */
export function readBody(req: IncomingMessage, maxBytes: number): Promise<BodyResult> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > maxBytes) return Promise.resolve({ ok: false, status: 413 });
  if (req.readableEnded) return Promise.resolve({ ok: true, text: '' });
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const settle = (result: BodyResult | Error): void => {
      req.off('data', onData).off('end', onEnd).off('error', onError).off('close', onClose);
      if (result instanceof Error) reject(result);
      else resolve(result);
    };
    const onData = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buffer.length;
      if (size <= maxBytes) {
        chunks.push(buffer);
        return;
      }
      settle({ ok: false, status: 413 });
      req.destroy(); // as an abandoned `for await` did: read no further
    };
    const onEnd = (): void => settle({ ok: true, text: chunks.length === 1 ? (chunks[0] as Buffer).toString('utf8') : Buffer.concat(chunks).toString('utf8') });
    const onError = (error: Error): void => settle(error);
    // A client that goes away mid-body: the stream closes without 'end'.
    const onClose = (): void => settle(new Error('The request was aborted before its body was read.'));
    req.on('data', onData).on('end', onEnd).on('error', onError).on('close', onClose);
  });
}
