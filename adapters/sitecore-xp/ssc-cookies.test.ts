import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sessionCookieFrom } from './ssc-cookies.ts';
import { exchangeFixture, headersOf } from './test-support/load-fixture.ts';

void test('the recorded 9.1+ login: the .AspNet.Cookies ticket is replayed with its companions, deletions skipped', () => {
  const cookie = sessionCookieFrom(headersOf(exchangeFixture('ssc-login-200.json')));
  assert.equal(cookie, 'ASP.NET_SessionId=k3v0q2m1a5b4c6d7e8f9g0h1; .AspNet.Cookies=CfDJ8Kq2xExampleTicketValue0123456789abcdef');
});

void test('the 8.x/9.0 .ASPXAUTH cookie is accepted too', () => {
  const headers = new Headers();
  headers.append('set-cookie', '.ASPXAUTH=0A1B2C3D; path=/; HttpOnly');
  assert.equal(sessionCookieFrom(headers), '.ASPXAUTH=0A1B2C3D');
});

void test('chunked OWIN tickets are kept whole', () => {
  const headers = new Headers();
  headers.append('set-cookie', '.AspNet.Cookies=chunks:2; path=/');
  headers.append('set-cookie', '.AspNet.CookiesC1=part1; path=/');
  headers.append('set-cookie', '.AspNet.CookiesC2=part2; path=/');
  assert.equal(sessionCookieFrom(headers), '.AspNet.Cookies=chunks:2; .AspNet.CookiesC1=part1; .AspNet.CookiesC2=part2');
});

void test('no auth cookie (or only a deletion) means no session', () => {
  const headers = new Headers();
  headers.append('set-cookie', 'ASP.NET_SessionId=abc; path=/');
  headers.append('set-cookie', '.ASPXAUTH=; expires=Mon, 11-Oct-1999 22:00:00 GMT; path=/');
  assert.equal(sessionCookieFrom(headers), undefined);
  assert.equal(sessionCookieFrom(new Headers()), undefined);
});
