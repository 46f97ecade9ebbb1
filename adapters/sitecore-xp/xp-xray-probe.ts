import type { TargetProbe } from '../../src/adapter-kit/index.ts';
import { toIndexGuid } from '../sitecore/shared/index.ts';
import type { XpContext } from './xp-context.ts';

/**
 * What became of referenced items the crawl did not see (reference §3.3 steps
 * 3-4). SSC answers 404 for a missing item and for one the account cannot
 * read alike (§1.5), but its search counts unreadable hits in TotalCount and
 * drops them from Results only (§1.4): a `_group` hit with no result is an
 * item that exists. Paths can only be told apart as found or not.
 */
export async function probeXpTargets(ctx: XpContext, targets: { ids: readonly string[]; paths: readonly string[] }, signal?: AbortSignal): Promise<TargetProbe> {
  const out: TargetProbe = { exists: [], unreadable: [], missing: [] };
  const base = { database: ctx.config.database, language: ctx.config.language };
  for (const id of targets.ids) {
    const result = await ctx.api.search({ ...base, term: `_group:${toIndexGuid(id)}`, page: 0, pageSize: 1, fields: ['ItemID'] }, signal);
    if (result.Results.length > 0) out.exists.push(id);
    else if (result.TotalCount > 0) out.unreadable.push(id);
    else out.missing.push(id);
  }
  for (const path of targets.paths) {
    const item = await ctx.api.getItemByPath(path, { ...base, fields: ['ItemID'] }, signal);
    (item === null ? out.missing : out.exists).push(path);
  }
  return out;
}
