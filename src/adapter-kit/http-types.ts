/**
 * The resilient HTTP client an adapter receives in its kit. Implemented in
 * src/http with the adapter's cockatiel policies (timeout, retry, breaker,
 * bulkhead, rate limit). Adapters never call global fetch.
 */
export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  /** Path relative to the adapter's base URL (leading slash), or an absolute URL on the same origin. */
  path: string;
  query?: Record<string, string | number | boolean | undefined>;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings as they are. */
  body?: unknown;
  /**
   * Whether the request may be retried automatically. Defaults to true for GET
   * and HEAD, false otherwise; GraphQL reads over POST pass true.
   */
  idempotent?: boolean;
  /**
   * Statuses returned to the caller instead of thrown. By default every
   * non-2xx status becomes a ConduitError (401/403 → ADP_AUTH_FAILED,
   * 404 → ADP_NOT_FOUND, 429 → ADP_RATE_LIMITED, 5xx → ADP_UNAVAILABLE,
   * other 4xx → ADP_REQUEST_REJECTED).
   */
  acceptStatus?: number[];
  /** Short operation name for logs and metrics, e.g. "getItem". */
  operation?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body as text (already fully read). */
  text: string;
  /** Parses the body as JSON; throws ADP_BAD_RESPONSE when it is not JSON. */
  json(): unknown;
}

export interface HttpClient {
  request(req: HttpRequest): Promise<HttpResponse>;
}
