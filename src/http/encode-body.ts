import { ConduitError } from '../core/conduit-error.ts';

/**
 * The fetch body for a request: strings, bytes and form data as they are;
 * anything else as JSON with a JSON content-type (unless the caller set one).
 * Bodies are encoded once and re-sent as they are on a retry.
 */
export function encodeBody(body: unknown, headers: Headers, what: string): string | Uint8Array | ArrayBuffer | URLSearchParams | FormData | Blob | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer
    || body instanceof URLSearchParams || body instanceof FormData || body instanceof Blob) {
    return body;
  }
  if (body instanceof ReadableStream) {
    // A stream can be read only once, so it could not be retried.
    throw new ConduitError('INTERNAL', `${what}: streaming request bodies are not supported.`);
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}
