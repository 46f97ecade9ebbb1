import type { XrayProfile } from './xray-profile-types.ts';
/**
 * What an adapter offers X-Ray: an enumeration of the content tree in pages,
 * with a resumable cursor per page, and the raw fields analyzers need.
 */

/** One unit of crawl work. `cursor` is opaque to the engine and stored as is. */
export interface CrawlTask {
  /** Stable key of the task, unique within a scan (used to deduplicate replays). */
  key: string;
  cursor: string;
  /** Depth of the items this task yields, below the scan root (root = 0). */
  depth: number;
}

export interface XrayItem {
  /** Canonical id: lower-case dashed GUID for Sitecore. */
  id: string;
  parentId?: string;
  path: string;
  name: string;
  templateId?: string;
  templateName?: string;
  language?: string;
  version?: number;
  /** ISO timestamp of the last update, when the CMS exposes it. */
  updatedAt?: string;
  createdAt?: string;
  hasChildren: boolean;
  /** Raw field values by field name, exactly as the CMS returned them. */
  fields: Record<string, string>;
  /**
   * References parsed from `fields` by the adapter (it knows the CMS's
   * encodings); the engine stores them with the item, in the same transaction.
   */
  references?: XrayReference[];
}

/** One reference from an item's field to another item. At least one of targetId / targetPath is set. */
export interface XrayReference {
  field: string;
  /** What encodes it, e.g. rendering-id, rendering-datasource-path, general-link-internal, rich-text-media, multilist. */
  kind: string;
  /** Canonical id of the target. */
  targetId?: string;
  /** Absolute path of the target, for references by path (path datasources, `local:` resolved against the item). */
  targetPath?: string;
}

export interface CrawlPage {
  items: XrayItem[];
  /** Tasks this page spawns: children to crawl, the next page of this listing. */
  next: CrawlTask[];
  /** Requests this page cost upstream (for progress and rate statistics). */
  requests: number;
}

export type XrayCategory =
  | 'broken-link' | 'orphan' | 'unused-template' | 'unused-rendering' | 'duplicate' | 'security'
  | 'deep-nesting' | 'too-many-children' | 'large-media' | 'stale-content' | 'circular-reference'
  | 'empty-container' | 'invalid-field';

/** What a scan asks of its source besides the root, fixed when the scan is created and stored with it. */
export interface ScanScope {
  /** Language versions to read: names, or every language the CMS has. A source that cannot honour it refuses the scan. */
  languages?: 'all' | string[];
}

export interface XraySource {
  /** Categories this source gives enough data for; the report says which it cannot see. */
  readonly supportedCategories: readonly XrayCategory[];
  /** The first task(s) of a scan rooted at `root` (a path or id; the adapter's default root when absent). */
  rootTasks(root: string | undefined, signal?: AbortSignal, scope?: ScanScope): Promise<CrawlTask[]>;
  /**
   * What the report should say about a scan just created at `root` that its findings cannot show, such as
   * languages it leaves out. Best effort: the engine records none when this fails.
   */
  scopeNotes?(root: string | undefined, signal?: AbortSignal, scope?: ScanScope): Promise<string[]>;
  /** Fetches one page of work. Must be safe to call again for the same task after a crash. */
  crawl(task: CrawlTask, signal?: AbortSignal): Promise<CrawlPage>;
  /** Full fields (tier 2) for items an analyzer declared it needs. */
  fetchFull?(ids: string[], signal?: AbortSignal): Promise<XrayItem[]>;
  /** Why each category outside `supportedCategories` cannot be seen (shown in the report). */
  readonly unsupportedCategories?: Readonly<Partial<Record<XrayCategory, string>>>;
  /** How X-Ray reads this CMS's stored fields (docs/adr/0004-xray-analysis-boundary.md); without it only CMS-neutral analyzers run. */
  readonly profile?: XrayProfile;
  /**
   * After the crawl: what became of referenced targets the crawl did not
   * store (canonical ids, absolute paths). A missing item and one the
   * account cannot read can look the same (SSC answers 404 for both).
   */
  probeTargets?(targets: { ids: readonly string[]; paths: readonly string[] }, signal?: AbortSignal): Promise<TargetProbe>;
}

/** Outcome of `probeTargets`: each target in exactly one list. */
export interface TargetProbe {
  /** Readable, but outside the scanned tree. */
  exists: string[];
  /** Exists, but the scanning account cannot read it. */
  unreadable: string[];
  missing: string[];
}
