import { ConduitError } from '../core/conduit-error.ts';

/**
 * The fetch body for a request: strings, bytes and URL-encoded forms as they are;
 * anything else as JSON with a JSON content-type (unless the caller set one).
 * Bodies are encoded once and re-sent as they are on a retry.
 */
export type EncodedBody = string | Uint8Array | ArrayBuffer | URLSearchParams;

export function encodeBody(body: unknown, headers: Headers, what: string): EncodedBody | undefined {
  if (body === undefined) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array || body instanceof ArrayBuffer || body instanceof URLSearchParams) return body;
  if (body instanceof FormData || body instanceof Blob) {
    // The adapters' fetch is undici's own (see tls-trust.ts), which does not take Node's global FormData or Blob.
    throw new ConduitError('INTERNAL', `${what}: FormData and Blob request bodies are not supported; send bytes or a string.`);
  }
  if (body instanceof ReadableStream) {
    // A stream can be read only once, so it could not be retried.
    throw new ConduitError('INTERNAL', `${what}: streaming request bodies are not supported.`);
  }
  if (!headers.has('content-type')) headers.set('content-type', 'application/json');
  return JSON.stringify(body);
}
