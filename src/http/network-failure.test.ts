import { test } from 'node:test';
import assert from 'node:assert/strict';
import { networkCode, networkFailureHint } from './network-failure.ts';

test('the system error code is read from fetch\'s cause; anything else is "network error"', () => {
  const failed = (inner: unknown): Error => new TypeError('fetch failed', { cause: inner });
  assert.equal(networkCode(failed(Object.assign(new Error('connect'), { code: 'ECONNREFUSED' }))), 'ECONNREFUSED');
  assert.equal(networkCode(failed(new Error('bad port'))), 'network error');
  assert.equal(networkCode(failed(Object.assign(new Error('x'), { code: 'not a code; rm -rf' }))), 'network error');
  assert.equal(networkCode('a string'), 'network error');
});

test('each common network failure gets a hint that says what to check; the rest keep the generic one', () => {
  const cms = new URL('https://cm.example.com:8443/sitecore');
  assert.match(networkFailureHint('ECONNREFUSED', cms) ?? '', /Nothing accepts connections at cm\.example\.com:8443/);
  assert.match(networkFailureHint('ENOTFOUND', cms) ?? '', /cm\.example\.com does not resolve .*network\.proxyFromEnv/);
  assert.match(networkFailureHint('UND_ERR_CONNECT_TIMEOUT', cms) ?? '', /firewall or VPN/);
  // Over https a closed socket is what a server that requires a client certificate leaves under TLS 1.3.
  assert.match(networkFailureHint('UND_ERR_SOCKET', cms) ?? '', /requires a client certificate \(mutual TLS\), set tls\.certFile and tls\.keyFile/);
  assert.match(networkFailureHint('UND_ERR_SOCKET', new URL('http://cm.example.com:443')) ?? '', /use https:\/\//);
  assert.equal(networkFailureHint('network error', cms), undefined);
});
