import { z } from 'zod';
import type { XrayCategory } from '../../adapter-kit/index.ts';
import type { ScanStore } from '../../store/scan-store.ts';
import type { ScanEvent } from '../../store/scan-store-types.ts';
import { CATEGORIES } from './analyzer-registry.ts';
import { pathKey } from './analyzer-support.ts';

/**
 * What the crawl tells the analysis besides items: which categories the
 * source could see, and what became of references whose target was not
 * crawled. The scan engine appends these as scan events; the analysis reads
 * the latest of each.
 */
export const COVERAGE_EVENT = 'xray.coverage';
export const TARGET_PROBE_EVENT = 'xray.targets.probed';
/** Data `{ notes: string[] }`: what the source said about the scan's scope when it was created (XraySource.scopeNotes). */
export const SCOPE_NOTES_EVENT = 'xray.scope.notes';
const scopeNotesEventSchema = z.object({ notes: z.array(z.string()) });

export interface Coverage {
  supported: XrayCategory[];
  /** Why each unsupported category cannot be seen (the adapter's reason). */
  unsupported: Partial<Record<XrayCategory, string>>;
}

const categorySchema = z.enum(CATEGORIES as [XrayCategory, ...XrayCategory[]]);

/** Data of a `xray.coverage` event: the XraySource's supportedCategories and its reasons for the rest. */
export const coverageEventSchema = z.object({
  supported: z.array(z.string()),
  unsupported: z.record(z.string(), z.string()).default({}),
});

/**
 * Data of a `xray.targets.probed` event: targets (canonical ids or absolute
 * paths) the engine asked the CMS about after the crawl. `exists`: readable
 * but outside the scanned tree; `unreadable`: the CMS says it exists but the
 * account cannot read it (SSC search counts it, reference §1.4); `missing`:
 * gone. Several events add up.
 */
export const targetProbeEventSchema = z.object({
  exists: z.array(z.string()).default([]),
  unreadable: z.array(z.string()).default([]),
  missing: z.array(z.string()).default([]),
});

export const DEFAULT_UNSUPPORTED_REASON = "the adapter's X-Ray source does not provide the data for this category";

export function coverageFrom(data: z.infer<typeof coverageEventSchema>): Coverage {
  const supported = CATEGORIES.filter((c) => data.supported.includes(c));
  const unsupported: Partial<Record<XrayCategory, string>> = {};
  for (const c of CATEGORIES) if (!supported.includes(c)) unsupported[c] = data.unsupported[c] ?? DEFAULT_UNSUPPORTED_REASON;
  return { supported, unsupported };
}

export const FULL_COVERAGE: Coverage = { supported: [...CATEGORIES], unsupported: {} };

async function* allEvents(store: ScanStore, scanId: string): AsyncGenerator<ScanEvent> {
  let after = 0;
  for (;;) {
    const page = await store.listEvents(scanId, after, 1000);
    yield* page;
    const last = page[page.length - 1];
    if (page.length < 1000 || last === undefined) return;
    after = last.seq;
  }
}

export interface ScanInputs {
  coverage: Coverage | undefined;
  /** Targets that exist although the crawl did not store them (canonical ids, path keys). */
  resolvedElsewhere: Set<string>;
  probedMissing: number;
}

export async function readScanInputs(store: ScanStore, scanId: string): Promise<ScanInputs> {
  let coverage: Coverage | undefined;
  const resolvedElsewhere = new Set<string>();
  let probedMissing = 0;
  for await (const event of allEvents(store, scanId)) {
    if (event.type === COVERAGE_EVENT) {
      const parsed = coverageEventSchema.safeParse(event.data);
      if (parsed.success) coverage = coverageFrom(parsed.data);
    } else if (event.type === TARGET_PROBE_EVENT) {
      const parsed = targetProbeEventSchema.safeParse(event.data);
      if (!parsed.success) continue;
      for (const t of [...parsed.data.exists, ...parsed.data.unreadable]) resolvedElsewhere.add(t.startsWith('/') ? pathKey(t) : t.toLowerCase());
      probedMissing += parsed.data.missing.length;
    }
  }
  return { coverage, resolvedElsewhere, probedMissing };
}

/**
 * The source's notes on the scan's scope (written once, when the scan is created, so among its first
 * events): read on every status poll, so it stops there and parses no other event.
 */
export async function readScopeNotes(store: ScanStore, scanId: string): Promise<string[]> {
  for await (const event of allEvents(store, scanId)) {
    if (event.type !== SCOPE_NOTES_EVENT) continue;
    const parsed = scopeNotesEventSchema.safeParse(event.data);
    return parsed.success ? parsed.data.notes : [];
  }
  return [];
}

export { categorySchema };
