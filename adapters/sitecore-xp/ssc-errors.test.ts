import { test } from 'node:test';
import assert from 'node:assert/strict';
import { authFailedError, sscErrorMessage, sscFailure } from './ssc-errors.ts';
import { exchangeFixture } from './test-support/load-fixture.ts';

const ctx = { adapter: 'main', operation: 'getChildren', path: '/sitecore/api/ssc/item/110d559f-dea5-42ea-9c1c-8a5df7e70ef9/children' };

void test('a 403 login is ADP_AUTH_FAILED naming the config keys, the env var and the SSC security policy', () => {
  const login = exchangeFixture('ssc-login-403.json');
  const error = authFailedError({ adapter: 'main', operation: 'login', path: login.request.path }, 'login', login.response.status);
  assert.equal(error.code, 'ADP_AUTH_FAILED');
  assert.equal(error.retryable, false);
  assert.match(error.message, /main.*login.*403.*\/sitecore\/api\/ssc\/auth\/login/);
  assert.match(error.hint, /adapters\.main\.credentials\.domain/);
  assert.match(error.hint, /\$\{MAIN_PASSWORD\}/);
  assert.match(error.hint, /Sitecore\.Services\.SecurityPolicy/);
  assert.match(error.hint, /AllowToLoginWithHttp/);
  const everything = JSON.stringify({ ...error.toJSON(), stack: error.stack });
  assert.equal(everything.includes('wrong-password-1'), false);
});

void test('a 404 body is ADP_NOT_FOUND that says SSC also hides unreadable items', () => {
  const notFound = exchangeFixture('ssc-404-body.json');
  const error = sscFailure(notFound.response.status, notFound.response.body, { ...ctx, operation: 'getItem', target: '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6' });
  assert.equal(error.code, 'ADP_NOT_FOUND');
  assert.match(error.message, /4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6/);
  assert.match(error.message, /cannot read/);
});

void test('a 500 body is ADP_UNAVAILABLE quoting the Web API message; on create it points at template and parent', () => {
  const failed = exchangeFixture('ssc-500-body.json');
  const error = sscFailure(failed.response.status, failed.response.body, ctx);
  assert.equal(error.code, 'ADP_UNAVAILABLE');
  assert.equal(error.retryable, true);
  assert.match(error.message, /getChildren .*children with HTTP 500\. Sitecore said: An error has occurred\./);
  const onCreate = sscFailure(500, failed.response.body, { ...ctx, operation: 'createItem' });
  assert.equal(onCreate.retryable, false);
  assert.match(onCreate.hint, /template or the parent/);
});

void test('auth, not-found, rejection, rate limit and server errors each keep their own code', () => {
  assert.equal(sscFailure(401, '', ctx).code, 'ADP_AUTH_FAILED');
  assert.equal(sscFailure(403, '', ctx).code, 'ADP_AUTH_FAILED');
  assert.equal(sscFailure(404, '', ctx).code, 'ADP_NOT_FOUND');
  assert.equal(sscFailure(400, '{"Message":"The request is invalid."}', ctx).code, 'ADP_REQUEST_REJECTED');
  assert.equal(sscFailure(429, '', ctx).code, 'ADP_RATE_LIMITED');
  assert.equal(sscFailure(503, '', ctx).code, 'ADP_UNAVAILABLE');
  assert.equal(sscFailure(302, '', ctx).code, 'ADP_BAD_RESPONSE');
});

void test('error text from Sitecore is reduced to a short readable line', () => {
  assert.equal(sscErrorMessage('{"Message":"An error has occurred.","ExceptionMessage":"Object reference not set"}'), 'Object reference not set');
  assert.equal(sscErrorMessage('<html><head><style>b{}</style></head><body><h1>Server Error</h1></body></html>'), 'Server Error');
  assert.equal(sscErrorMessage('   '), undefined);
  const long = sscErrorMessage('x'.repeat(1000));
  assert.equal(long?.length, 200);
});
