import { redactConnectionString } from './redact-connection-string.ts';

const NETWORK_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE',
  '57P01', '57P02', '57P03', '53300',
]);
/** Not retryable by waiting: wrong password, unknown database or role, unparseable connection string. */
const CONFIG_CODES = new Set(['28P01', '28000', '3D000', 'ERR_INVALID_URL']);

export function errorCode(error: unknown): string {
  const code: unknown = typeof error === 'object' && error !== null ? Reflect.get(error, 'code') : undefined;
  return typeof code === 'string' ? code : '';
}

/** Whether an error means the database could not be reached or logged into (as opposed to a failing statement). */
export function connectionProblem(error: unknown): 'network' | 'config' | undefined {
  const code = errorCode(error);
  if (NETWORK_CODES.has(code) || code.startsWith('08')) return 'network';
  if (CONFIG_CODES.has(code)) return 'config';
  const message = error instanceof Error ? error.message : '';
  if (/timeout exceeded when trying to connect|Connection terminated/i.test(message)) return 'network';
  if (/does not support SSL|self[- ]signed certificate|certificate|SSL/i.test(message)) return 'config';
  return undefined;
}

/**
 * A copy of an error fit to keep as a cause: only the message (redacted) and
 * the code. The original may carry the connection string (URL parse errors
 * keep it in `input`), so it is never passed on.
 */
export function sanitizedCause(error: unknown, connectionString: string): Error {
  const raw = error instanceof Error ? error.message : String(error);
  const message = redactConnectionString(connectionString.length > 0 ? raw.split(connectionString).join(redactConnectionString(connectionString)) : raw);
  const copy = new Error(message);
  const code = errorCode(error);
  if (code !== '') Reflect.set(copy, 'code', code);
  return copy;
}
