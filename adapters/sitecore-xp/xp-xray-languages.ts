import { ConduitError, hasCode, quoted } from '../../src/adapter-kit/index.ts';
import { ITEM_IDS, normalizeGuid, TEMPLATE_IDS } from '../sitecore/shared/index.ts';
import type { XpContext } from './xp-context.ts';

/** What a scan asks for: a list of language names, or every registered language. */
export type LanguageSetting = 'all' | readonly string[];

export interface XrayLanguages {
  /**
   * The languages a scan created now reads, its first language first: `requested` (the scan's own argument)
   * or else the adapter's xrayLanguages or else its language.
   */
  forScan(requested: LanguageSetting | undefined, signal?: AbortSignal): Promise<string[]>;
  /** A note for the report when the instance has languages the scan leaves out. */
  scopeNotes(requested: LanguageSetting | undefined, signal?: AbortSignal): Promise<string[]>;
}

/** Registered languages are read once per scan start (rootTasks, then scopeNotes), not once per call. */
const REGISTERED_TTL_MS = 30_000;

/** The setting in force and how to name it in an error: a scan argument is the caller's mistake, a config key the operator's. */
interface Setting { value: LanguageSetting | undefined; label: string; code: 'TOOL_INVALID_ARGS' | 'CFG_INVALID_VALUE' }

/**
 * Which language versions an X-Ray scan reads (`adapters.<name>.xrayLanguages`).
 *
 * Sitecore items exist in every language; content lives in per-language versions. SSC answers a language the
 * item has no version in with `ItemVersion: "0"` and empty versioned fields. So the scan's first language gives
 * the tree and a row for every item, and each further language adds a row only where the item has a version in
 * it. Without the setting a scan reads the adapter's `language` alone, as before: on a multilingual site that
 * misses links in the other languages, and calls datasources and renderings used only there unused.
 */
export function xrayLanguages(ctx: XpContext): XrayLanguages {
  let registered: { at: number; value: Promise<string[] | null> } | undefined;
  const read = (signal?: AbortSignal): Promise<string[] | null> => {
    if (registered === undefined || Date.now() - registered.at > REGISTERED_TTL_MS) {
      const value = registeredLanguages(ctx, signal);
      registered = { at: Date.now(), value };
      value.catch(() => { registered = undefined; });
    }
    return registered.value;
  };
  const settingOf = (requested: LanguageSetting | undefined): Setting => (requested !== undefined
    ? { value: requested, label: 'the scan\'s languages', code: 'TOOL_INVALID_ARGS' }
    : { value: ctx.config.xrayLanguages, label: `adapters.${ctx.adapter}.xrayLanguages`, code: 'CFG_INVALID_VALUE' });
  return {
    async forScan(requested, signal) {
      const setting = settingOf(requested);
      return setting.value === undefined ? [ctx.config.language] : resolveScanLanguages(ctx, setting, await read(signal));
    },
    async scopeNotes(requested, signal) {
      const all = await read(signal);
      if (all === null) return [];
      const setting = settingOf(requested);
      const scanned = setting.value === undefined ? [ctx.config.language] : resolveScanLanguages(ctx, setting, all);
      const left = all.filter((name) => !scanned.some((s) => s.toLowerCase() === name.toLowerCase()));
      if (left.length === 0) return [];
      return [`This scan reads ${scanned.join(', ')}; the instance also has ${left.join(', ')}. Links, datasources and renderings `
        + 'used only in those languages are not seen: a broken link there is not reported, and an item used only there can show as '
        + `an orphan or unused. To audit every language, set adapters.${ctx.adapter}.xrayLanguages: all, or scan with languages "all".`];
    },
  };
}

function resolveScanLanguages(ctx: XpContext, setting: Setting, registered: string[] | null): string[] {
  const primary = ctx.config.language;
  const { value, label, code } = setting;
  if (value === undefined) return [primary];
  if (value === 'all') {
    if (registered === null) {
      throw new ConduitError(code, `${label} is "all", but the account cannot read the languages under /sitecore/system/Languages.`, {
        hint: 'List the languages instead (such as [en, de-DE]), or give the account read access to /sitecore/system/Languages.',
      });
    }
    return unique([primary, ...[...registered].sort((a, b) => a.localeCompare(b))]);
  }
  if (registered === null) return unique(value);
  const byKey = new Map(registered.map((name) => [name.toLowerCase(), name]));
  const unknown = value.filter((name) => !byKey.has(name.toLowerCase()));
  if (unknown.length > 0) {
    throw new ConduitError(code,
      `${label}: ${unknown.map(quoted).join(', ')} ${unknown.length === 1 ? 'is not a language' : 'are not languages'} registered on this instance `
      + `(registered: ${registered.join(', ') || 'none'}).`,
      { hint: 'Use the language item names under /sitecore/system/Languages (such as de-DE, not de), or "all".' });
  }
  return unique(value.map((name) => byKey.get(name.toLowerCase()) ?? name));
}

/** Language item names under /sitecore/system/Languages; null when the account cannot read the folder. */
async function registeredLanguages(ctx: XpContext, signal?: AbortSignal): Promise<string[] | null> {
  try {
    const children = await ctx.api.getChildren(ITEM_IDS.languages, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemName'] }, signal);
    const languages = children.filter((c) => normalizeGuid(String(c.TemplateID ?? '')) === TEMPLATE_IDS.language);
    // A folder of something else than Language items would be a customised instance: take its names as they are.
    return (languages.length > 0 ? languages : children).map((c) => c.ItemName);
  } catch (error) {
    if (hasCode(error, 'ADP_NOT_FOUND')) return null;
    throw error;
  }
}

/** Case-insensitive, first spelling and order kept: Sitecore language names are not case-sensitive. */
function unique(names: readonly string[]): string[] {
  const seen = new Set<string>();
  return names.filter((name) => {
    const key = name.toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
