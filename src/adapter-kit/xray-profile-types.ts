/**
 * How X-Ray reads one CMS's stored data (see docs/adr/0004-xray-analysis-boundary.md).
 *
 * The analyzers in src/xray/analysis are CMS-neutral: they know what an orphan,
 * a broken link or a stale item is, stream over the stored scan and keep the
 * state that needs. What a raw field value *means* (which GUIDs in a layout are
 * references, what `__Security` grants, which template is a folder) is the
 * CMS's business, so an adapter supplies it as a profile: pure functions, no IO,
 * no store. The analysis builds one model per scan from the definition items
 * (templates, field definitions, workflow states) and asks it about each item.
 */

/** One stored item (one language version) as a profile reads it. */
export interface ProfileItem {
  readonly id: string;
  readonly parentId: string | null;
  readonly path: string;
  readonly name: string;
  readonly templateId: string | null;
  /** '' when the CMS has no languages. */
  readonly language: string;
  /** Raw field values by field name, exactly as the crawl stored them. */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * What an item is, in X-Ray's CMS-neutral vocabulary.
 * container: a folder of content; media-container: a folder of media;
 * type: a content type definition (Sitecore template); type-part: a piece of a
 * type definition (section, field, standard values); component: a rendering
 * definition; workflow-state: a state of a workflow; entry: anything else.
 */
export type ItemRole = 'container' | 'media-container' | 'media' | 'type' | 'type-part' | 'component' | 'workflow-state' | 'entry';

export interface ItemScope {
  /** Under a content root (pages, datasources). */
  content: boolean;
  /** Under a media root. */
  media: boolean;
  /** A type defined by the project (not one the CMS ships). */
  customType: boolean;
  /** Under the root of type definitions (templates), where the CMS keeps definition items. */
  typeArea: boolean;
  /** Levels below the content root (its first level = 1); null outside content. */
  contentDepth: number | null;
}

/** A reference from an item's field to another item, by id or by path. */
export interface ProfileReference {
  /** The CMS's own sub-kind, e.g. rich-text-link, general-link-internal, rendering-datasource-id. */
  kind: string;
  /** What the target is used as. */
  use: 'link' | 'media' | 'component' | 'datasource' | 'type' | 'workflow' | 'setting';
  field: string;
  /** The token as stored: a braced GUID, 32 hex digits, a path or a `local:` path. */
  token: string;
  /** Canonical id of the target, when the reference is by id. */
  targetId?: string;
  /** Absolute path of the target, when the reference is by path (relative forms already resolved). */
  targetPath?: string;
}

/** What a right does, so a neutral analyzer can judge it. */
export type AccessVerb = 'read' | 'write' | 'delete' | 'create' | 'rename' | 'admin' | 'other';

/** One rule of an item's access control list. */
export interface AccessRule {
  account: string;
  accountKind: 'role' | 'user' | 'everyone';
  /** Anonymous visitors or everybody: granting them changes is a risk. */
  isPublic: boolean;
  appliesTo: 'item' | 'descendants' | 'both';
  allows: Array<{ right: string; verb: AccessVerb }>;
  denies: Array<{ right: string; verb: AccessVerb }>;
  /** The rule stops inheritance of rights from the parent. */
  breaksInheritance: boolean;
  /** The rule as stored. */
  raw: string;
}

export type FieldIssueKind = 'malformed-date' | 'malformed-link-xml' | 'malformed-guid' | 'required-empty';

/** A field value that breaks its field type's format (or a required field left empty). */
export interface FieldIssue {
  field: string;
  kind: FieldIssueKind;
  /** The offending raw value or entry. */
  value: string;
  /** Why, in one line. */
  detail: string;
}

/** Item ids read from one field, with the raw value they came from. */
export interface FieldIds {
  field: string;
  value: string;
  ids: string[];
}

/** Per-scan interpretation, built from the scan's definition items. Pure and synchronous. */
export interface XrayModel {
  role(item: ProfileItem): ItemRole;
  scope(item: ProfileItem): ItemScope;
  /** Every reference in the item's fields (all reference kinds, deduplicated). */
  references(item: ProfileItem): ProfileReference[];
  /** The types a type item inherits from, with the field that says so; null for other items. */
  baseTypes(item: ProfileItem): FieldIds | null;
  /** The item's access rules with the raw field they came from; null when it has none (or the CMS exposes none). */
  access(item: ProfileItem): { field: string; value: string; rules: AccessRule[] } | null;
  /** When the item (this language version) was last updated, from which raw field; null when unknown. */
  lastUpdated(item: ProfileItem): { field: string; value: string; at: number } | null;
  /** Whether the item waits in a non-final workflow state (so age says nothing about neglect). */
  inActiveWorkflow(item: ProfileItem): boolean;
  /** Size in bytes of a media item's file, with the raw field; null when the item is no media or the size is unknown. */
  mediaSize(item: ProfileItem): { field: string; value: string; bytes: number } | null;
  /** Field values that break their field type's format. */
  fieldIssues(item: ProfileItem): FieldIssue[];
  /** Why the item's name breaks the CMS's naming rules, or null. */
  nameIssue(item: ProfileItem): string | null;
  /** A folder whose descendants are reusable content (Sitecore: a `Data` folder of datasources). */
  isReuseFolder(item: ProfileItem): boolean;
  /**
   * A folder the CMS makes and manages by itself to spread many items out
   * (Sitecore: the year/month/day/... folders of an item bucket). A container,
   * but not a level anyone designed, so it does not count toward depth.
   */
  isGeneratedFolder(item: ProfileItem): boolean;
  /**
   * What reusable content the item is, if any: `media`, or `datasource` when it
   * lies below a reuse folder (the analysis tells whether it does).
   */
  reuseKind(item: ProfileItem, belowReuseFolder: boolean): 'media' | 'datasource' | null;
}

export interface XrayProfile {
  /** e.g. "sitecore". */
  readonly id: string;
  /** Bumped whenever an interpretation changes, so findings say which reading produced them. */
  readonly version: string;
  /** Template ids of the definition items `createModel` needs (types, field definitions, workflow states). */
  readonly definitionTemplateIds: readonly string[];
  /** Builds the per-scan model from the definition items (all of `definitionTemplateIds`). */
  createModel(definitions: readonly ProfileItem[]): XrayModel;
}
