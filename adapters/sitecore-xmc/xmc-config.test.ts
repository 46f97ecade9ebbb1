import { test } from 'node:test';
import assert from 'node:assert/strict';
import manifest from './manifest.ts';
import { authoringEndpointUrl, edgeEndpoint, xmcConfigSchema } from './xmc-config.ts';

const common = { type: 'sitecore-xmc', url: 'https://edge.sitecorecloud.io', resilience: { ratePerSecond: 80 }, cache: {}, maxCallsPerSecond: 0 };

void test('defaults: en, /sitecore/content, delivery endpoint for an API key; common keys pass', () => {
  const config = xmcConfigSchema.parse({ ...common, credentials: { apiKey: 'token' } });
  assert.equal(config.language, 'en');
  assert.equal(config.rootPath, '/sitecore/content');
  assert.equal(config.mediaRootPath, '/sitecore/media library');
  assert.equal(config.pageSize, 100);
  assert.deepEqual(config.searchFields, ['Title']);
  assert.equal(edgeEndpoint(config), '/api/graphql/v1');
});

void test('a context id defaults to the Edge Platform endpoint; an explicit endpoint wins', () => {
  const ctx = xmcConfigSchema.parse({ ...common, url: 'https://edge-platform.sitecorecloud.io', credentials: { contextId: 'abc' } });
  assert.equal(edgeEndpoint(ctx), '/v1/content/api/graphql/v1');
  const preview = xmcConfigSchema.parse({ ...common, url: 'https://cm.example.com', credentials: { apiKey: '{GUID}' }, endpoint: '/sitecore/api/graph/edge' });
  assert.equal(edgeEndpoint(preview), '/sitecore/api/graph/edge');
});

void test('bad blocks are rejected: both credential kinds, empty key, page size above 1000, unknown keys', () => {
  for (const bad of [
    { ...common, credentials: { apiKey: 'a', contextId: 'b' } },
    { ...common, credentials: { apiKey: '' } },
    { ...common, credentials: { apiKey: 'a' }, pageSize: 1001 },
    { ...common, credentials: { apiKey: 'a' }, databse: 'web' },
    { ...common, credentials: { apiKey: 'a' }, searchFields: ['_name'] },
  ]) assert.equal(xmcConfigSchema.safeParse(bad).success, false, JSON.stringify(bad));
});

void test('capabilities are honest: write only with authoring credentials', () => {
  const readOnly = xmcConfigSchema.parse({ ...common, credentials: { apiKey: 'token' } });
  const withAuthoring = xmcConfigSchema.parse({ ...common, credentials: { apiKey: 'token' }, authoring: { clientId: 'id', clientSecret: 'secret' } });
  assert.equal(manifest.id, 'sitecore-xmc');
  assert.deepEqual(manifest.capabilities(readOnly), ['read', 'search', 'media', 'xray']);
  assert.deepEqual(manifest.capabilities(withAuthoring), ['read', 'search', 'media', 'write', 'xray']);
});

void test('authoring defaults: Sitecore token URL and audience; endpoint is a path on url or a full CM URL', () => {
  const onEdge = xmcConfigSchema.parse({ ...common, credentials: { apiKey: 'token' }, authoring: { clientId: 'id', clientSecret: 'secret', endpoint: 'https://xmc-acme.sitecorecloud.io/sitecore/api/authoring/graphql/v1' } });
  assert.equal(onEdge.authoring?.tokenUrl, 'https://auth.sitecorecloud.io/oauth/token');
  assert.equal(onEdge.authoring?.audience, 'https://api.sitecorecloud.io');
  assert.equal(authoringEndpointUrl(onEdge)?.href, 'https://xmc-acme.sitecorecloud.io/sitecore/api/authoring/graphql/v1');
  const onCm = xmcConfigSchema.parse({ ...common, url: 'https://xmc-acme.sitecorecloud.io', credentials: { apiKey: '{K}' }, endpoint: '/sitecore/api/graph/edge', authoring: { clientId: 'id', clientSecret: 'secret' } });
  assert.equal(authoringEndpointUrl(onCm)?.href, 'https://xmc-acme.sitecorecloud.io/sitecore/api/authoring/graphql/v1');
  for (const authoring of [{ clientId: 'id', clientSecret: '' }, { clientId: 'id', clientSecret: 's', endpoint: 'graphql' }, { clientId: 'id', clientSecret: 's', scope: 'x' }]) {
    assert.equal(xmcConfigSchema.safeParse({ ...common, credentials: { apiKey: 'a' }, authoring }).success, false, JSON.stringify(authoring));
  }
});
