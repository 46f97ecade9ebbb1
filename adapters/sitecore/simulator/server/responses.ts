import type { ServerResponse } from 'node:http';

/** Response helpers with the bodies Sitecore / IIS / ASP.NET Web API send. */

export const WEB_API_ERROR = '{"Message":"An error has occurred."}';

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendText(res: ServerResponse, status: number, text: string, contentType = 'text/plain; charset=utf-8', headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Length': '0', ...headers });
  res.end();
}

/** ASP.NET Web API's default 500 body. */
export function sendServerError(res: ServerResponse): void {
  sendText(res, 500, WEB_API_ERROR, 'application/json; charset=utf-8');
}

/** SSC's plain-text 404 (also what an item the account cannot read looks like). */
export function sendItemNotFound(res: ServerResponse, what: string): void {
  sendText(res, 404, `The item "${what}" was not found. It may have been deleted by another user.`);
}

/** The status an injected fault answers with, with the body each source of that status sends. */
export function sendFaultStatus(res: ServerResponse, status: number, retryAfterSeconds: number): void {
  if (status === 500) return sendServerError(res);
  if (status === 429) return sendText(res, 429, 'Too Many Requests', 'text/plain; charset=utf-8', { 'Retry-After': String(retryAfterSeconds) });
  if (status === 503) return sendText(res, 503, '<h1>Service Unavailable</h1>', 'text/html; charset=utf-8', { 'Retry-After': String(retryAfterSeconds) });
  if (status === 404) return sendItemNotFound(res, '');
  if (status === 502 || status === 504) return sendText(res, status, `<h1>${status === 502 ? 'Bad Gateway' : 'Gateway Timeout'}</h1>`, 'text/html; charset=utf-8');
  sendEmpty(res, status);
}
