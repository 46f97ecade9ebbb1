import type { XrayItem } from '../../../src/adapter-kit/index.ts';
import type { StoredFinding } from '../../../src/store/scan-store-types.ts';
import { analyzerById } from '../../../src/xray/analysis/analyzer-registry.ts';
import { analyzeScan, type AnalysisResult } from '../../../src/xray/analysis/run-analysis.ts';
import { TARGET_PROBE_EVENT } from '../../../src/xray/analysis/scan-inputs.ts';
import { xrayConfigSchema } from '../../../src/xray/analysis/xray-config-schema.ts';
import { toPageCommit } from '../../../src/xray/engine/page-runner.ts';
import { TEMPLATE_IDS } from '../../../adapters/sitecore/shared/well-known-ids.ts';
import { withXrayReferences } from '../../../adapters/sitecore/shared/index.ts';
import { sitecoreXrayProfile } from '../../../adapters/sitecore/shared/xray-profile/sitecore-xray-profile.ts';
import { fixedClock, openTempStore, type TempStore } from './temp-store.ts';

/** A made-up canonical GUID: `gid(7)` → 00000000-0000-0000-0000-000000000007. */
export function gid(n: number): string {
  return `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`;
}

export function braced(id: string): string {
  return `{${id.toUpperCase()}}`;
}

export interface TinyItem {
  id: string;
  path: string;
  templateId?: string;
  language?: string;
  /** The language version; 0 = the item has no version in `language`. */
  version?: number;
  fields?: Record<string, string>;
  /** Default: whether another item of the fixture lies below it. */
  hasChildren?: boolean;
}

export const NOW = Date.UTC(2026, 10, 1);

/** The skeleton every fixture gets: /sitecore, /sitecore/content, /sitecore/templates, /sitecore/media library. */
export const SKELETON: TinyItem[] = [
  { id: gid(9001), path: '/sitecore', templateId: TEMPLATE_IDS.root },
  { id: gid(9002), path: '/sitecore/content', templateId: TEMPLATE_IDS.mainSection },
  { id: gid(9003), path: '/sitecore/templates', templateId: TEMPLATE_IDS.mainSection },
  { id: gid(9004), path: '/sitecore/media library', templateId: TEMPLATE_IDS.mainSection },
  { id: gid(9005), path: '/sitecore/templates/Project', templateId: TEMPLATE_IDS.templateFolder },
];

/** A template as Sitecore stores it: the template item, one section, one item per field (with `Type`). */
export function templateItems(t: { id: string; path: string; fields?: Array<{ name: string; type: string; required?: boolean }>; bases?: string[] }, n: number): TinyItem[] {
  const section = { id: gid(n), path: `${t.path}/Data`, templateId: TEMPLATE_IDS.templateSection };
  return [
    { id: t.id, path: t.path, templateId: TEMPLATE_IDS.template, fields: { '__Base template': (t.bases ?? []).map(braced).join('|') } },
    section,
    ...(t.fields ?? []).map((f, i) => ({
      id: gid(n + 1 + i), path: `${section.path}/${f.name}`, templateId: TEMPLATE_IDS.templateField,
      fields: { Type: f.type, 'Validator Bar': f.required ? '{59D4EE10-627C-4FD3-A964-61A88B092CBC}' : '' },
    })),
  ];
}

function toXray(all: readonly TinyItem[], item: TinyItem): XrayItem {
  const parentPath = item.path.slice(0, item.path.lastIndexOf('/'));
  const parent = all.find((p) => p.path.toLowerCase() === parentPath.toLowerCase());
  const below = all.some((c) => c.path.toLowerCase().startsWith(`${item.path.toLowerCase()}/`));
  const x: XrayItem = {
    id: item.id, path: item.path, name: item.path.slice(item.path.lastIndexOf('/') + 1), hasChildren: item.hasChildren ?? below,
    fields: item.fields ?? {}, language: item.language ?? 'en', ...(item.templateId ? { templateId: item.templateId } : {}),
    ...(parent ? { parentId: parent.id } : {}), ...(item.version === undefined ? {} : { version: item.version }),
  };
  return withXrayReferences(x);
}

export interface TinyScan {
  temp: TempStore;
  scanId: string;
  /** Runs one analyzer (or all when omitted) with the Sitecore profile; returns its findings. */
  run(analyzerId?: string, config?: Record<string, unknown>): Promise<StoredFinding[]>;
  analyze(config?: Record<string, unknown>): Promise<AnalysisResult>;
  close(): Promise<void>;
}

/** A stored scan of the skeleton plus `items`, committed as the engine commits a page (references included). */
export async function tinyScan(items: readonly TinyItem[], options: { probe?: { exists?: string[]; unreadable?: string[]; missing?: string[] } } = {}): Promise<TinyScan> {
  const temp = await openTempStore(fixedClock(NOW));
  const { store } = temp;
  const all = [...SKELETON, ...items];
  const scan = await store.createScan({ adapter: 'tiny', root: '/sitecore' });
  await store.updateScanStatus(scan.id, 'running');
  await store.addRootTasks(scan.id, [{ key: 'root', cursor: 'root', depth: 0 }]);
  await store.commitPage(scan.id, 'root', 'test', toPageCommit({ items: all.map((i) => toXray(all, i)), next: [], requests: 1 }));
  if (options.probe) await store.appendEvent(scan.id, TARGET_PROBE_EVENT, options.probe);
  await store.updateScanStatus(scan.id, 'completed');
  const analyze = (config: Record<string, unknown> = {}, only?: string): Promise<AnalysisResult> => {
    const analyzer = only === undefined ? undefined : analyzerById(only);
    if (only !== undefined && !analyzer) throw new Error(`no analyzer ${only}`);
    return analyzeScan(store, scan.id, { profile: sitecoreXrayProfile, config: xrayConfigSchema.parse(config), ...(analyzer ? { analyzers: [analyzer] } : {}) });
  };
  return {
    temp, scanId: scan.id,
    analyze,
    async run(analyzerId, config = {}) {
      const result = await analyze(config, analyzerId);
      const failed = result.record.runs.find((r) => r.status === 'failed');
      if (failed) throw new Error(`${failed.id} failed: ${failed.reason ?? ''}`);
      const out: StoredFinding[] = [];
      for await (const batch of store.iterateFindings(scan.id)) out.push(...batch);
      return out;
    },
    close: () => temp.close(),
  };
}

/** Compact view of findings for assertions: "rule itemPath field=value". */
export function brief(findings: readonly StoredFinding[]): string[] {
  return findings.map((f) => `${String(f.evidence['rule'])} ${f.itemPath ?? ''} ${String(f.evidence['field'] ?? '')}=${String(f.evidence['value'] ?? '')}`).sort();
}
