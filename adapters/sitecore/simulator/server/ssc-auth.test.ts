import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { startSitecoreSimulator } from '../sitecore-simulator.ts';
import { login } from '../test-support/ssc-test-client.ts';

const HOME = '/sitecore/api/ssc/item/110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9';

function cookieOf(res: Response): string {
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

async function get(url: string, cookie?: string): Promise<Response> {
  return fetch(url, { headers: cookie ? { cookie } : {}, signal: AbortSignal.timeout(5000) });
}

void test('login answers 200 with a .AspNet.Cookies cookie by default, or .ASPXAUTH when configured', async () => {
  for (const cookieName of ['.AspNet.Cookies', '.ASPXAUTH'] as const) {
    const sim = await startSitecoreSimulator({ items: 800, cookieName });
    try {
      const res = await login(sim.url);
      assert.equal(res.status, 200);
      const header = res.headers.get('set-cookie') ?? '';
      assert.match(header, new RegExp(`^${cookieName.replaceAll('.', '\\.')}=[^;]+; path=/; HttpOnly$`));
      assert.equal((await get(`${sim.url}${HOME}`, cookieOf(res))).status, 200);
      // Only the cookie name the instance issues authenticates (a 9.1+ server ignores .ASPXAUTH).
      const other = cookieName === '.ASPXAUTH' ? '.AspNet.Cookies' : '.ASPXAUTH';
      assert.equal((await get(`${sim.url}${HOME}`, `${other}=${cookieOf(res).split('=')[1]}`)).status, 403);
    } finally {
      await sim.close();
    }
  }
});

void test('bad credentials and malformed bodies are refused', async () => {
  const sim = await startSitecoreSimulator({ items: 800, credentials: { domain: 'sitecore', username: 'conduit', password: 's3cret' } });
  try {
    assert.equal((await login(sim.url, { domain: 'sitecore', username: 'conduit', password: 'wrong' })).status, 403);
    assert.equal((await login(sim.url, { domain: 'extranet', username: 'conduit', password: 's3cret' })).status, 403);
    const ok = await login(sim.url, { domain: 'SITECORE', username: 'Conduit', password: 's3cret' });
    assert.equal(ok.status, 200, 'domain and user names are case-insensitive');
    const malformed = await fetch(`${sim.url}/sitecore/api/ssc/auth/login`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{"domain":', signal: AbortSignal.timeout(5000) });
    assert.equal(malformed.status, 400);
    assert.deepEqual(await malformed.json(), { Message: 'The request is invalid.' });
    assert.equal(malformed.headers.get('set-cookie'), null);
  } finally {
    await sim.close();
  }
});

void test('requests without a live session get 403 with an empty body, as SSC with anonymous access off', async () => {
  const sim = await startSitecoreSimulator({ items: 800 });
  try {
    for (const path of [HOME, `${HOME}/children`, '/sitecore/api/ssc/item/?path=/sitecore/content/Home', '/sitecore/api/ssc/item/search?term=Home']) {
      const res = await get(`${sim.url}${path}`);
      assert.equal(res.status, 403, path);
      assert.equal(await res.text(), '');
    }
    assert.equal((await get(`${sim.url}${HOME}`, '.AspNet.Cookies=forged')).status, 403);
  } finally {
    await sim.close();
  }
});

void test('sessions expire after sessionTtlMs and logout ends them', async () => {
  const sim = await startSitecoreSimulator({ items: 800, sessionTtlMs: 150 });
  try {
    const cookie = cookieOf(await login(sim.url));
    assert.equal((await get(`${sim.url}${HOME}`, cookie)).status, 200);
    await sleep(200);
    assert.equal((await get(`${sim.url}${HOME}`, cookie)).status, 403, 'expired');

    const fresh = cookieOf(await login(sim.url));
    const logout = await fetch(`${sim.url}/sitecore/api/ssc/auth/logout`, { method: 'POST', headers: { cookie: fresh }, signal: AbortSignal.timeout(5000) });
    assert.equal(logout.status, 200);
    assert.match(logout.headers.get('set-cookie') ?? '', /^\.AspNet\.Cookies=; expires=Thu, 01-Jan-1970/);
    assert.equal((await get(`${sim.url}${HOME}`, fresh)).status, 403, 'logged out');
  } finally {
    await sim.close();
  }
});
