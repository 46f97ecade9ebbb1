import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { StoredItem } from '../../../store/scan-store-types.ts';
import { defineAnalyzer, type FindingDraft } from '../analyzer-types.ts';

const options = z.strictObject({
  /** Also report items whose authored field values equal another item's (off by default: templates may share defaults on purpose). */
  content: z.boolean().default(false),
});

/** 30-bit FNV-1a: a small-integer key, so a million siblings cost a Map of small integers, not of strings. */
function hash30(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h & 0x3fffffff;
}

const siblingKey = (item: Pick<StoredItem, 'parentId' | 'name'>): string => `${item.parentId ?? ''}\u0000${item.name.toLowerCase()}`;

/** Non-empty authored values (not `__` standard fields), hashed; null when the item has none. */
function contentHash(item: StoredItem): string | null {
  const entries = Object.entries(item.fields).filter(([k, v]) => !k.startsWith('__') && v.trim() !== '').sort(([a], [b]) => (a < b ? -1 : 1));
  if (entries.length === 0) return null;
  return createHash('sha256').update(JSON.stringify([item.templateId, entries])).digest('base64url');
}

/**
 * Siblings with the same name, compared case-insensitively (they collide in
 * URLs and in path lookups: reference §4.3): every member of a group is a
 * finding. Counting is two-step to keep memory flat: the structure pass
 * counts hashed (parent, name) keys, the content pass collects only the
 * items whose key was seen twice and confirms them by exact key.
 */
export const duplicate = defineAnalyzer({
  id: 'duplicate',
  version: '1.0.0',
  title: 'Duplicate names and content',
  category: 'duplicate',
  severity: 'warning',
  options,
  needs: ['structure', 'content'],
  hint: 'Rename or merge the duplicates: Sitecore resolves a path to one of them only, and URLs collide.',
  docsAnchor: 'duplicate',
  minutesPerFinding: 5,
  async *run(ctx) {
    const counts = new Map<number, number>();
    let last: string | undefined;
    for await (const batch of ctx.query.structure()) {
      for (const item of batch) {
        if (item.id === last || item.parentId === null) continue;
        last = item.id;
        const h = hash30(siblingKey(item));
        counts.set(h, (counts.get(h) ?? 0) + 1);
      }
    }
    const groups = new Map<string, Map<string, StoredItem>>();
    const byContent = new Map<string, Map<string, StoredItem>>();
    for await (const batch of ctx.query.content()) {
      for (const item of batch) {
        if (item.parentId !== null && (counts.get(hash30(siblingKey(item))) ?? 0) > 1) addTo(groups, siblingKey(item), item);
        const h = ctx.options.content ? contentHash(item) : null;
        if (h !== null) addTo(byContent, h, item);
      }
    }
    counts.clear();
    for (const members of groups.values()) if (members.size > 1) yield* sameName(members);
    for (const members of byContent.values()) if (members.size > 1) yield* sameContent(members);
  },
});

function addTo(map: Map<string, Map<string, StoredItem>>, key: string, item: StoredItem): void {
  let members = map.get(key);
  if (!members) { members = new Map(); map.set(key, members); }
  if (!members.has(item.id)) members.set(item.id, { ...item, fields: {} });
}

function* sameName(members: Map<string, StoredItem>): Generator<FindingDraft> {
  const others = [...members.values()];
  for (const item of others) {
    yield {
      rule: 'same-name-siblings', itemId: item.id, itemPath: item.path, language: item.language,
      message: `${members.size} siblings are named "${item.name}" (case-insensitively).`,
      evidence: { field: 'ItemName', value: item.name },
      detail: { siblings: others.filter((o) => o.id !== item.id).map((o) => o.id) },
    };
  }
}

function* sameContent(members: Map<string, StoredItem>): Generator<FindingDraft> {
  const all = [...members.values()];
  for (const item of all) {
    yield {
      rule: 'same-content', itemId: item.id, itemPath: item.path, language: item.language, severity: 'info',
      message: `${members.size} items of the same template hold the same authored field values.`,
      evidence: { field: 'authored fields', value: all.map((o) => o.id).sort().join('|') },
    };
  }
}
