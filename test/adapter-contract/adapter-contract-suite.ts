/**
 * One behavioural contract every adapter client meets, run per adapter against
 * its simulator over real HTTP (sitecore-xp today; XM Cloud reuses it). Parts
 * an adapter does not have (search, media, write) are skipped, never faked.
 */
import { after, before, describe, test, type TestContext } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError, type AdapterClient, type ContentItem, type ItemRef, type Page } from '../../src/adapter-kit/index.ts';

export interface ContractFixtures {
  /** An item that exists, by id (any spelling the adapter accepts) ... */
  knownId: string;
  /** ... and by path (only used when the client has paths). */
  knownPath: string;
  /** Its name, as the CMS reports it. */
  knownName: string;
  /** A well-formed id that does not exist. */
  missingId: string;
  /** A parent with more than 2 × listPageSize children. */
  parentWithManyChildren: ItemRef;
  /** How many children it has, when the harness knows (checked exactly). */
  parentChildCount?: number;
  /** Page size used for the listing and search paging tests (default 5). */
  listPageSize?: number;
  /** A search text that matches more than 2 × searchPageSize readable items. */
  searchTerm: string;
  searchPageSize?: number;
  /** Where create/update/delete may write; absent = write tests skipped. */
  writableParent?: ItemRef;
  /** A type (template) that exists and can be created under writableParent. */
  templateName: string;
  /** A text field of that type to set and change. */
  writableField: string;
  /** A media item id; absent = media tests skipped. */
  mediaId?: string;
}

export interface ContractHarness {
  client: AdapterClient;
  fixtures: ContractFixtures;
  /** Makes the upstream refuse the credentials ('auth') or fail with server errors ('server') from now on. */
  breakUpstream(kind: 'auth' | 'server'): Promise<void>;
  close(): Promise<void>;
}

/** Called once per group: the failure groups get a fresh upstream and client of their own. */
export type ContractSetup = () => Promise<ContractHarness>;

async function allPages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>, maxPages = 500): Promise<Page<T>[]> {
  const pages: Page<T>[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetchPage(cursor);
    pages.push(page);
    cursor = page.nextCursor;
    assert.ok(pages.length <= maxPages, 'paging did not stop');
  } while (cursor !== undefined);
  return pages;
}

function assertDistinct(items: ContentItem[], what: string): void {
  const ids = items.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, `${what}: an item appeared on two pages`);
}

function isCode(code: string) {
  return (error: unknown): boolean => {
    assert.ok(error instanceof ConduitError, `expected a ConduitError, got ${String(error)}`);
    assert.equal(error.code, code, `${error.code}: ${error.message}`);
    return true;
  };
}

/** Registers before/after hooks that start and stop one harness; the getter fails clearly when setup failed. */
function useHarness(setup: ContractSetup): () => ContractHarness {
  let h: ContractHarness | undefined;
  before(async () => { h = await setup(); });
  after(async () => { await h?.close(); });
  return () => {
    assert.ok(h, 'the contract harness did not start');
    return h;
  };
}

export function runAdapterContract(name: string, setup: ContractSetup): void {
  void describe(`${name}: adapter contract`, () => {
    const get = useHarness(setup);
    readTests(get);
    writeTests(get);
  });

  void describe(`${name}: not found, auth failure and server error stay distinct`, () => {
    const get = useHarness(setup);
    void test('not found is null; an auth failure is ADP_AUTH_FAILED, never null', async () => {
      const { client, fixtures, breakUpstream } = get();
      assert.equal(await client.getContent({ id: fixtures.missingId }), null);
      await breakUpstream('auth');
      await assert.rejects(client.getContent({ id: fixtures.knownId }), isCode('ADP_AUTH_FAILED'));
      await assert.rejects(client.getContent({ id: fixtures.missingId }), isCode('ADP_AUTH_FAILED'));
      await assert.rejects(client.listContent({ parent: fixtures.parentWithManyChildren }), isCode('ADP_AUTH_FAILED'));
      const health = await client.health();
      assert.equal(health.ok, false);
      assert.equal(health.status, 'auth_failed');
    });
  });

  void describe(`${name}: a failing server is ADP_UNAVAILABLE`, () => {
    const get = useHarness(setup);
    void test('server errors are ADP_UNAVAILABLE, never null and never an auth failure', async () => {
      const { client, fixtures, breakUpstream } = get();
      assert.equal((await client.getContent({ id: fixtures.knownId }))?.name, fixtures.knownName);
      await breakUpstream('server');
      await assert.rejects(client.getContent({ id: fixtures.knownId }), isCode('ADP_UNAVAILABLE'));
      // After repeated failures the breaker may open: still a server-side failure, never null or auth.
      await assert.rejects(client.getContent({ id: fixtures.missingId }), (error: unknown) => {
        assert.ok(error instanceof ConduitError);
        assert.ok(['ADP_UNAVAILABLE', 'ADP_CIRCUIT_OPEN'].includes(error.code), error.code);
        return true;
      });
    });
  });
}

function readTests(get: () => ContractHarness): void {
  void test('health reports a reachable, authenticated CMS', async () => {
    const health = await get().client.health();
    assert.equal(health.ok, true, health.message);
    assert.equal(health.status, 'reachable');
  });

  void test('get by id and by path return the same item', async (t: TestContext) => {
    const { client, fixtures } = get();
    const byId = await client.getContent({ id: fixtures.knownId });
    assert.ok(byId, 'known item not found by id');
    assert.equal(byId.name, fixtures.knownName);
    assert.equal(typeof byId.hasChildren, 'boolean');
    assert.equal(typeof byId.fields, 'object');
    if (!client.hasPaths) { t.diagnostic('no paths: by-path read skipped'); return; }
    const byPath = await client.getContent({ path: fixtures.knownPath });
    assert.equal(byPath?.id, byId.id);
    assert.equal(byPath.path, fixtures.knownPath);
  });

  void test('a missing item is null', async () => {
    const { client, fixtures } = get();
    assert.equal(await client.getContent({ id: fixtures.missingId }), null);
  });

  void test('children list across several pages with a cursor, each child once', async () => {
    const { client, fixtures } = get();
    const limit = fixtures.listPageSize ?? 5;
    const parent = await client.getContent(fixtures.parentWithManyChildren);
    assert.ok(parent, 'parent not found');
    const pages = await allPages((cursor) => client.listContent({ parent: fixtures.parentWithManyChildren, limit, ...(cursor ? { cursor } : {}) }));
    assert.ok(pages.length >= 3, `expected at least 3 pages, got ${pages.length}`);
    for (const page of pages.slice(0, -1)) assert.equal(page.items.length, limit);
    const items = pages.flatMap((p) => p.items);
    assertDistinct(items, 'listContent');
    for (const item of items) if (item.parentId !== undefined) assert.equal(item.parentId, parent.id);
    if (fixtures.parentChildCount !== undefined) assert.equal(items.length, fixtures.parentChildCount);
    const total = pages[0]?.total;
    if (total !== undefined) assert.equal(items.length, total);
    const rootPage = await client.listContent({ limit: 3 });
    assert.ok(rootPage.items.length > 0, 'the default root has no children');
  });

  void test('search pages with a cursor and stops', async (t: TestContext) => {
    const { client, fixtures } = get();
    if (!client.search) { t.skip('no search part'); return; }
    const search = client.search;
    const limit = fixtures.searchPageSize ?? 5;
    const pages = await allPages((cursor) => search.search({ text: fixtures.searchTerm, limit, ...(cursor ? { cursor } : {}) }));
    assert.ok(pages.length >= 2, `expected several pages, got ${pages.length}`);
    const items = pages.flatMap((p) => p.items);
    assert.ok(items.length > limit);
    assertDistinct(items, 'search');
    for (const page of pages) assert.ok(page.items.length <= limit);
  });

  void test('media items come with a URL; a missing one is null', async (t: TestContext) => {
    const { client, fixtures } = get();
    if (!client.media || fixtures.mediaId === undefined) { t.skip('no media part'); return; }
    const listed = await client.media.listMedia({ limit: 10 });
    assert.ok(listed.items.length > 0, 'no media listed');
    const media = await client.media.getMedia({ id: fixtures.mediaId });
    assert.ok(media, 'known media not found');
    assert.ok(media.url, 'media without a URL');
    assert.equal(await client.media.getMedia({ id: fixtures.missingId }), null);
  });

  void test('types list, and one type has its fields; an unknown type is null', async () => {
    const { client, fixtures } = get();
    const page = await client.listTypes({ limit: 5 });
    assert.ok(page.items.length > 0, 'no types listed');
    assert.ok(page.items.every((t) => t.id && t.name));
    const type = await client.getType(fixtures.templateName);
    assert.ok(type, `type ${fixtures.templateName} not found`);
    assert.ok(type.fields.length > 0, 'type without fields');
    assert.ok(type.fields.some((f) => f.name === fixtures.writableField), `type has no field ${fixtures.writableField}`);
    assert.equal(await client.getType('conduit-no-such-type-zz'), null);
  });
}

function writeTests(get: () => ContractHarness): void {
  void test('create, update and delete round-trip', async (t: TestContext) => {
    const { client, fixtures } = get();
    if (!client.write || fixtures.writableParent === undefined) { t.skip('no write part'); return; }
    const write = client.write;
    const field = fixtures.writableField;
    const created = await write.create({
      parent: fixtures.writableParent, name: 'conduit-contract-item', type: fixtures.templateName, fields: { [field]: 'first value' },
    });
    assert.equal(created.name, 'conduit-contract-item');
    assert.equal(created.fields[field], 'first value');
    assert.equal((await client.getContent({ id: created.id }))?.id, created.id);
    const updated = await write.update({ ref: { id: created.id }, fields: { [field]: 'second value' } });
    assert.equal(updated.id, created.id);
    assert.equal(updated.fields[field], 'second value');
    assert.equal((await client.getContent({ id: created.id }))?.fields[field], 'second value');
    await write.delete({ id: created.id });
    assert.equal(await client.getContent({ id: created.id }), null);
    await assert.rejects(write.delete({ id: created.id }), isCode('ADP_NOT_FOUND'));
  });
}
