// xrayLanguages against the simulator over real HTTP: which languages a scan reads, how its cursors carry
// them, what each language costs, and the errors for a language the instance does not have.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConduitError } from '../../src/adapter-kit/index.ts';
import { ITEM_IDS } from '../sitecore/shared/index.ts';
import { crawlAll, xpSimRig, xrayOf } from './test-support/sim-rig.ts';
import { parseTaskCursor } from './xp-xray.ts';

const ROOT = '/sitecore/content';

async function rootCursor(config: Record<string, unknown>, prepare?: (sim: Awaited<ReturnType<typeof xpSimRig>>['sim']) => void): Promise<string | ConduitError> {
  const r = await xpSimRig({}, 50, config);
  try {
    prepare?.(r.sim);
    const tasks = await xrayOf(r.client).rootTasks(ROOT).catch((error: unknown) => error);
    if (error(tasks)) return tasks;
    assert.ok(Array.isArray(tasks));
    return tasks[0]?.cursor ?? '';
  } finally {
    await r.close();
  }
}

const error = (value: unknown): value is ConduitError => value instanceof ConduitError;

void test('"all" reads every registered language, the adapter language first; a crawl costs one request per language per page', async () => {
  const r = await xpSimRig({}, 50, { xrayLanguages: 'all' });
  const en = await xpSimRig({}, 50);
  try {
    const [root] = await xrayOf(r.client).rootTasks(ROOT);
    assert.match(root?.cursor ?? '', /^item:[0-9a-f-]{36}@en,de-DE$/);
    assert.equal(root?.key, root?.cursor.split('@')[0]);
    const both = await crawlAll(xrayOf(r.client), ROOT);
    const single = await crawlAll(xrayOf(en.client), ROOT);
    assert.deepEqual(both.keys, single.keys);
    assert.equal(both.requests, 2 * single.requests);
    const rows = (language: string) => both.items.filter((i) => i.language === language).map((i) => i.id).sort();
    assert.deepEqual(rows('en'), single.items.map((i) => i.id).sort());
    const german = [...r.sim.tree.items.values()].filter((i) => i.readable && i.langs['de-DE'] && r.sim.tree.pathOf(i).startsWith(`${ROOT}/`)).map((i) => i.id).sort();
    assert.ok(german.length > 10);
    assert.deepEqual(rows('de-DE'), german);
    assert.ok(both.items.filter((i) => i.language === 'de-DE').every((i) => (i.version ?? 0) > 0));
  } finally {
    await Promise.all([r.close(), en.close()]);
  }
});

void test('a list is matched to the registered names; its first language carries the tree', async () => {
  assert.match(String(await rootCursor({ xrayLanguages: ['DE-de', 'en', 'de-DE'] })), /@de-DE,en$/);
  // The adapter language alone keeps the cursor of a single-language scan.
  assert.doesNotMatch(String(await rootCursor({ xrayLanguages: ['en'] })), /@/);
});

void test('a language the instance does not register is a config error that names the registered ones', async () => {
  const failure = await rootCursor({ xrayLanguages: ['en', 'de'] });
  assert.ok(error(failure));
  assert.equal(failure.code, 'CFG_INVALID_VALUE');
  assert.match(failure.message, /adapters\.xp\.xrayLanguages: "de" is not a language registered on this instance \(registered: en, de-DE\)/);
  assert.match(failure.hint ?? '', /de-DE, not de/);
});

void test('unreadable /sitecore/system/Languages: "all" cannot work and says so; a list is taken as written', async () => {
  const hide = (sim: Awaited<ReturnType<typeof xpSimRig>>['sim']): void => {
    const folder = sim.tree.get(ITEM_IDS.languages);
    assert.ok(folder);
    folder.readable = false;
  };
  const failure = await rootCursor({ xrayLanguages: 'all' }, hide);
  assert.ok(error(failure) && failure.code === 'CFG_INVALID_VALUE' && /cannot read the languages/.test(failure.message));
  assert.match(String(await rootCursor({ xrayLanguages: ['en', 'fr-FR'] }, hide)), /@en,fr-FR$/);
});

void test('scope notes: a scan that leaves registered languages out says so for the report; one that reads them all does not', async () => {
  const notesOf = async (config: Record<string, unknown>, hidden = false): Promise<string[]> => {
    const r = await xpSimRig({}, 50, config);
    try {
      const folder = r.sim.tree.get(ITEM_IDS.languages);
      if (hidden && folder) folder.readable = false;
      const source = xrayOf(r.client);
      await source.rootTasks(ROOT);
      const before = r.sim.stats().total;
      const notes = (await source.scopeNotes?.(ROOT)) ?? [];
      // Read once for both: the registered languages are kept from rootTasks.
      if (config['xrayLanguages'] !== undefined) assert.equal(r.sim.stats().total, before);
      return notes;
    } finally {
      await r.close();
    }
  };
  const [note, ...more] = await notesOf({});
  assert.equal(more.length, 0);
  assert.match(note ?? '', /^This scan reads en; the instance also has de-DE\. .* To audit every language, set adapters\.xp\.xrayLanguages: all, or scan with languages "all"\.$/);
  assert.match(String(await notesOf({ xrayLanguages: ['de-DE'] })), /reads de-DE; the instance also has en\./);
  assert.deepEqual(await notesOf({ xrayLanguages: 'all' }), []);
  assert.deepEqual(await notesOf({}, true), []);
});

void test('cursors: with and without languages; anything else is TOOL_CURSOR_INVALID', () => {
  const id = '110d559f-dea5-42ea-9c1c-8a5df7e70ef9';
  assert.deepEqual(parseTaskCursor(`children:${id}:200@en,de-DE`), { kind: 'children', id, offset: 200, languages: ['en', 'de-DE'] });
  assert.deepEqual(parseTaskCursor(`item:${id}`), { kind: 'item', id });
  for (const bad of [`item:${id}@`, `item:${id}@en,,de`, `children:${id}@en`]) {
    assert.throws(() => parseTaskCursor(bad), (e: unknown) => error(e) && e.code === 'TOOL_CURSOR_INVALID');
  }
});
