import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { IncomingMessage } from 'node:http';
import { hasCode } from '../../core/conduit-error.ts';
import { allowedHostnames, assertSafeBind, checkBearer, checkHostAndOrigin, isLoopback, type GuardConfig } from './http-guards.ts';

const request = (headers: Record<string, string>): IncomingMessage => ({ headers } as IncomingMessage);
const config: GuardConfig = { host: '127.0.0.1', allowedHosts: ['mcp.example.com'], allowedOrigins: ['https://app.example.com'], tokens: [] };
const hostnames = allowedHostnames(config);

void test('Host must name this server; Origin must be local or configured', () => {
  assert.equal(checkHostAndOrigin(request({ host: '127.0.0.1:3000' }), config, hostnames).ok, true);
  assert.equal(checkHostAndOrigin(request({ host: 'mcp.example.com' }), config, hostnames).ok, true);
  assert.equal(checkHostAndOrigin(request({ host: 'evil.example.com' }), config, hostnames).ok, false);
  assert.equal(checkHostAndOrigin(request({}), config, hostnames).ok, false, 'a missing Host is refused');
  assert.equal(checkHostAndOrigin(request({ host: 'localhost', origin: 'http://localhost:5173' }), config, hostnames).ok, true);
  assert.equal(checkHostAndOrigin(request({ host: 'localhost', origin: 'https://app.example.com' }), config, hostnames).ok, true);
  assert.equal(checkHostAndOrigin(request({ host: 'localhost', origin: 'https://evil.example.com' }), config, hostnames).ok, false);
  assert.equal(checkHostAndOrigin(request({ host: 'localhost', origin: 'null' }), config, hostnames).ok, false);
});

void test('bearer tokens: absent, wrong, right, and a wrong scheme', () => {
  const tokens = ['first-token-0123456789', 'second-token-0123456789'];
  assert.equal(checkBearer(request({}), []).ok, true, 'no tokens configured: no auth');
  const missing = checkBearer(request({}), tokens);
  assert.ok(!missing.ok && missing.status === 401 && missing.headers?.['www-authenticate']?.startsWith('Bearer'));
  assert.equal(checkBearer(request({ authorization: 'Bearer nope' }), tokens).ok, false);
  assert.equal(checkBearer(request({ authorization: 'Basic second-token-0123456789' }), tokens).ok, false);
  assert.equal(checkBearer(request({ authorization: 'Bearer second-token-0123456789' }), tokens).ok, true);
  assert.equal(checkBearer(request({ authorization: 'bearer first-token-0123456789' }), tokens).ok, true);
});

void test('only loopback binds go without auth, unless forced', () => {
  for (const host of ['127.0.0.1', '127.8.9.10', '::1', '[::1]', 'localhost']) assert.ok(isLoopback(host), host);
  for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com']) assert.ok(!isLoopback(host), host);
  assert.throws(() => assertSafeBind('0.0.0.0', [], false), (e: unknown) => hasCode(e, 'HTTP_BIND_UNSAFE'));
  assert.doesNotThrow(() => assertSafeBind('0.0.0.0', ['a-token-of-16-chars'], false));
  assert.doesNotThrow(() => assertSafeBind('0.0.0.0', [], true));
  assert.doesNotThrow(() => assertSafeBind('127.0.0.1', [], false));
});
