import { createHash, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { IncomingMessage } from 'node:http';
import { localhostAllowedHostnames, localhostAllowedOrigins, validateHostHeader, validateOriginHeader } from '@modelcontextprotocol/server';
import { ConduitError } from '../../core/conduit-error.ts';

export interface GuardConfig {
  /** The address the server binds. */
  host: string;
  /** Extra Host header values accepted (server.http.allowedHosts). */
  allowedHosts: readonly string[];
  /** Extra browser origins accepted (server.http.allowedOrigins): full origins or bare hostnames. */
  allowedOrigins: readonly string[];
  /** Bearer tokens (server.http.auth.tokens); empty means no auth. */
  tokens: readonly string[];
}

export type GuardVerdict = { ok: true } | { ok: false; status: number; message: string; headers?: Record<string, string> };

const WILDCARD = new Set(['0.0.0.0', '::', '[::]']);

/** Hostnames a Host header may name: localhost names, the bound address, and the configured extras. */
export function allowedHostnames(config: Pick<GuardConfig, 'host' | 'allowedHosts'>): string[] {
  const bound = WILDCARD.has(config.host) ? [] : [bracketed(config.host)];
  return [...new Set([...localhostAllowedHostnames(), ...bound, ...config.allowedHosts.map(hostnameOf)])];
}

/**
 * DNS-rebinding and cross-site protection, in front of every route: the Host
 * header must name this server, and a browser Origin must be a local one or
 * a configured one. Requests without Origin (non-browser clients) pass.
 */
export function checkHostAndOrigin(req: IncomingMessage, config: GuardConfig, hostnames: readonly string[]): GuardVerdict {
  const host = validateHostHeader(req.headers.host, [...hostnames]);
  if (!host.ok) return { ok: false, status: 403, message: `Host header rejected: ${host.message}` };
  const origin = req.headers.origin;
  if (origin === undefined || origin === '') return { ok: true };
  if (config.allowedOrigins.includes(origin)) return { ok: true };
  const checked = validateOriginHeader(origin, [...localhostAllowedOrigins(), ...hostnames, ...config.allowedOrigins.map(hostnameOf)]);
  return checked.ok ? { ok: true } : { ok: false, status: 403, message: `Origin rejected: ${checked.message}` };
}

/**
 * Bearer-token check for the MCP endpoints when tokens are configured. Every
 * configured token is compared, in constant time on equal-length digests, so
 * neither the match position nor the token length leaks through timing.
 */
export function checkBearer(req: IncomingMessage, tokens: readonly string[]): GuardVerdict {
  if (tokens.length === 0) return { ok: true };
  const challenge = { 'www-authenticate': 'Bearer realm="conduit"' };
  const header = req.headers.authorization ?? '';
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return { ok: false, status: 401, message: 'Authentication required: send Authorization: Bearer <token>.', headers: challenge };
  const presented = digest(match[1]);
  let valid = false;
  for (const token of tokens) valid = timingSafeEqual(presented, digest(token)) || valid;
  return valid ? { ok: true } : { ok: false, status: 401, message: 'Invalid bearer token.', headers: { 'www-authenticate': 'Bearer realm="conduit", error="invalid_token"' } };
}

/** Refuses a non-loopback bind without authentication unless explicitly forced. */
export function assertSafeBind(host: string, tokens: readonly string[], force: boolean): void {
  if (tokens.length > 0 || force || isLoopback(host)) return;
  throw new ConduitError('HTTP_BIND_UNSAFE', `Refusing to listen on ${host} without authentication: anyone who can reach it could read and change CMS content.`);
}

export function isLoopback(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  if (bare === 'localhost') return true;
  if (isIP(bare) === 4) return bare.startsWith('127.');
  return bare === '::1';
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value, 'utf8').digest();
}

function bracketed(host: string): string {
  return isIP(host) === 6 ? `[${host}]` : host.toLowerCase();
}

/** `https://a.example.com:8443` → `a.example.com`; a bare hostname stays as it is. */
function hostnameOf(value: string): string {
  if (!value.includes('://')) return bracketed(value.replace(/:\d+$/, ''));
  try {
    return new URL(value).hostname;
  } catch (error) {
    throw new ConduitError('CFG_INVALID_VALUE', `"${value}" in server.http.allowedOrigins is not an origin.`, { cause: error, hint: 'Use an origin such as https://app.example.com, or a bare hostname.' });
  }
}
