/** One language version of an item: only the latest version is modelled. */
export interface SimVersion {
  version: number;
  /** Versioned field values by field name. */
  fields: Record<string, string>;
}

/**
 * One Sitecore item. Field values are plain strings keyed by field name, exactly
 * as Sitecore stores them (the raw values SSC returns).
 */
export interface SimItem {
  /** Canonical id: lower-case dashed GUID. */
  id: string;
  name: string;
  parentId: string | null;
  templateId: string;
  childIds: string[];
  /** Shared and unversioned field values. */
  shared: Record<string, string>;
  /** Latest version per language (e.g. "en", "de-DE"). */
  langs: Record<string, SimVersion>;
  /** false: the API account has no read access (SSC answers 404, search still counts it). */
  readable: boolean;
}

export interface TemplateFieldDef {
  name: string;
  /** Sitecore field type, e.g. "Single-Line Text", "Rich Text", "General Link", "Multilist". */
  type: string;
  shared: boolean;
  unversioned: boolean;
}

export interface TemplateInfo {
  id: string;
  name: string;
  /** `__Base template` ids (canonical), in order. */
  baseIds: string[];
  /** Fields defined on this template itself. */
  fields: TemplateFieldDef[];
  /** Id of the `__Standard Values` item, when the template has one. */
  standardValuesId?: string;
}

export const DEFAULT_LANGUAGE = 'en';
export const LANGUAGES = ['en', 'de-DE'] as const;
