// The write part over real HTTP against scripted servers answering with recorded-shape fixtures:
// the OAuth token host and the CM (authoring endpoint) on two different origins.
import { after, afterEach, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ConduitError, type Logger } from '../../src/adapter-kit/index.ts';
import { createTestKit, type TestKit } from '../../src/http/test-support/test-kit.ts';
import { startScriptableServer, type RecordedRequest, type ScriptableServer } from '../../src/http/test-support/scriptable-server.ts';
import { authoringItemToContent } from './authoring-mapping.ts';
import { createItemDataSchema } from './authoring-queries.ts';
import { createXmcClient, type XmcClient } from './xmc-client.ts';
import { xmcConfigSchema } from './xmc-config.ts';

const SECRET = 'very-secret-client-secret-value';
const fixture = (name: string): Record<string, unknown> => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as Record<string, unknown>;
const TOKEN = String(fixture('oauth-token.json')['access_token']);
const HOME = '110d559f-dea5-42ea-9c1c-8a5df7e70ef9';
const SAMPLE_ITEM = '{76036F5E-CBCE-46D1-AF0A-4143F9B557AA}';

let auth: ScriptableServer;
let cm: ScriptableServer;
let testKit: TestKit;
let client: XmcClient;
const logged: string[] = [];

function capture(): Logger {
  const record = (level: string) => (obj: unknown, msg?: string): void => { logged.push(`${level} ${JSON.stringify(obj)} ${msg ?? ''}`); };
  const logger: Logger = { debug: record('debug'), info: record('info'), warn: record('warn'), error: record('error'), child: () => logger };
  return logger;
}

const operationOf = (req: RecordedRequest): string => /(Conduit\w+)/.exec(req.body)?.[1] ?? '';
const mutations = (): RecordedRequest[] => cm.requests.filter((r) => /Conduit(Create|Update|Delete)Item/.test(r.body));

/** The CM: lookups find the parent, mutations answer with the createItem fixture. */
function answerNormally(): void {
  cm.setDefault((req) => operationOf(req) === 'ConduitAuthoringItem'
    ? { status: 200, body: { data: { item: { itemId: HOME.replaceAll('-', ''), path: '/sitecore/content/Home' } } } }
    : { status: 200, body: fixture('authoring-create-item.json') });
}

before(async () => {
  auth = await startScriptableServer();
  cm = await startScriptableServer();
  testKit = createTestKit({ name: 'xmc', baseUrl: cm.url, logger: capture() });
  client = freshClient();
});

/** A client with an empty token cache. */
function freshClient(): XmcClient {
  const config = xmcConfigSchema.parse({
    type: 'sitecore-xmc', url: cm.url, endpoint: '/sitecore/api/graph/edge', credentials: { apiKey: '{K}' },
    authoring: { clientId: 'conduit-client', clientSecret: SECRET, tokenUrl: `${auth.url}/oauth/token` },
  });
  return createXmcClient(config, testKit.kit);
}
afterEach(() => { auth.reset(); cm.reset(); });
after(async () => {
  testKit.close();
  await auth.close();
  await cm.close();
});

const create = (): ReturnType<NonNullable<XmcClient['write']>['create']> => (client.write ?? assert.fail('no write part')).create({
  parent: { id: HOME }, name: 'Sitecore Authoring and Management API', type: SAMPLE_ITEM, fields: { Title: 'Welcome to Sitecore' },
});

void test('the documented createItem response maps to a content item with canonical ids', () => {
  const data = createItemDataSchema.parse(fixture('authoring-create-item.json')['data']);
  const item = authoringItemToContent(data.createItem?.item ?? assert.fail('no item'));
  assert.equal(item.id, '30a8616d-a7c6-411d-b307-d4f2c9684e76');
  assert.equal(item.parentId, HOME);
  assert.deepEqual(item.type, { id: '76036f5e-cbce-46d1-af0a-4143f9b557aa', name: 'Sample Item' });
  assert.deepEqual(item.fields, { Text: 'Welcome to Sitecore', Title: 'Welcome to Sitecore' });
  assert.equal(item.locale, 'en');
  assert.equal(item.version, 1);
});

void test('create: one form-encoded token request to the token host, then a Bearer mutation with braced ids', async () => {
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  answerNormally();
  const item = await create();
  assert.equal(item.id, '30a8616d-a7c6-411d-b307-d4f2c9684e76');
  const [tokenRequest] = auth.requests;
  assert.equal(auth.count(), 1);
  assert.equal(tokenRequest?.path, '/oauth/token');
  assert.match(String(tokenRequest?.headers['content-type']), /application\/x-www-form-urlencoded/);
  const form = new URLSearchParams(tokenRequest?.body);
  assert.deepEqual(Object.fromEntries(form), { grant_type: 'client_credentials', client_id: 'conduit-client', client_secret: SECRET, audience: 'https://api.sitecorecloud.io' });
  const [mutation] = mutations();
  assert.equal(mutation?.path, '/sitecore/api/authoring/graphql/v1');
  assert.equal(mutation?.headers['authorization'], `Bearer ${TOKEN}`);
  const variables = (JSON.parse(mutation?.body ?? '{}') as { variables: { input: Record<string, unknown> } }).variables.input;
  assert.deepEqual(variables, {
    name: 'Sitecore Authoring and Management API', templateId: SAMPLE_ITEM, parent: `{${HOME.toUpperCase()}}`, language: 'en',
    fields: [{ name: 'Title', value: 'Welcome to Sitecore' }],
  });
  await create();
  assert.equal(auth.count(), 1, 'the token is cached');
});

void test('a mutation failing with 503 is not retried (the lookup before it may be)', async () => {
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  answerNormally();
  const normal = cm.requests.length;
  cm.setDefault((req) => operationOf(req) === 'ConduitAuthoringItem'
    ? { status: 200, body: { data: { item: { itemId: HOME, path: '/sitecore/content/Home' } } } }
    : { status: 503, body: 'down' });
  await assert.rejects(create(), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_UNAVAILABLE');
  assert.equal(mutations().length, 1, 'exactly one createItem was sent');
  assert.ok(cm.requests.length > normal);
});

void test('AUTH_NOT_AUTHENTICATED on HTTP 200 drops the token, fetches a new one and sends the mutation once more', async () => {
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  answerNormally();
  await create(); // caches a token
  auth.reset();
  cm.reset();
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  answerNormally();
  cm.script(
    { status: 200, body: { data: { item: { itemId: HOME, path: '/sitecore/content/Home' } } } },
    { status: 200, body: fixture('authoring-not-authenticated.json') },
  );
  const item = await create();
  assert.equal(item.name, 'Sitecore Authoring and Management API');
  assert.equal(auth.count(), 1, 'one new token');
  assert.equal(mutations().length, 2, 'refused once, sent once more');
});

void test('a refused client secret is ADP_AUTH_FAILED naming the config keys; the secret and token appear in no error or log', async () => {
  auth.setDefault({ status: 401, body: fixture('oauth-access-denied.json') });
  client = freshClient();
  logged.length = 0;
  const error = await create().then(() => assert.fail('created'), (e: unknown) => e);
  assert.ok(error instanceof ConduitError);
  assert.equal(error.code, 'ADP_AUTH_FAILED');
  assert.match(error.hint, /adapters\.xmc\.authoring\.clientId/);
  assert.match(error.hint, /adapters\.xmc\.authoring\.clientSecret/);
  assert.match(error.message, /access_denied/);
  assert.equal(mutations().length, 0);
  const everything = `${JSON.stringify(error)} ${error.message} ${error.hint} ${JSON.stringify(error.details)} ${logged.join('\n')}`;
  assert.ok(!everything.includes(SECRET), 'the client secret leaked');
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  answerNormally();
  await create();
  assert.ok(logged.length > 0, 'the logger saw the writes');
  assert.ok(!logged.join('\n').includes(SECRET) && !logged.join('\n').includes(TOKEN), 'a secret reached the logs');
});

void test('delete: deleteItem with the braced id; { successful: false } is ADP_REQUEST_REJECTED', async () => {
  client = freshClient();
  auth.setDefault({ status: 200, body: fixture('oauth-token.json') });
  let successful = true;
  cm.setDefault((req) => operationOf(req) === 'ConduitAuthoringItem'
    ? { status: 200, body: { data: { item: { itemId: HOME.replaceAll('-', ''), path: '/sitecore/content/Home' } } } }
    : { status: 200, body: successful ? fixture('authoring-delete-item.json') : { data: { deleteItem: { successful: false } } } });
  const write = client.write ?? assert.fail('no write part');
  await write.delete({ path: '/sitecore/content/Home' });
  const [mutation] = mutations();
  assert.deepEqual((JSON.parse(mutation?.body ?? '{}') as { variables: unknown }).variables, { input: { itemId: `{${HOME.toUpperCase()}}` } });
  successful = false;
  await assert.rejects(write.delete({ id: HOME }), (e: unknown) => e instanceof ConduitError && e.code === 'ADP_REQUEST_REJECTED');
});
