import type { AdapterClient, AdapterKit } from '../../src/adapter-kit/index.ts';
import type { SitecoreXpConfig } from './sitecore-xp-config.ts';
import { createSscApi } from './ssc-api.ts';
import { createSscSession } from './ssc-session.ts';
import { checkHealth } from './xp-health.ts';
import { createMediaPart } from './xp-media.ts';
import { getContent, listContent } from './xp-reads.ts';
import { createSearchPart } from './xp-search.ts';
import { getType, listTypes } from './xp-types.ts';
import { createWritePart } from './xp-write.ts';
import { createXraySource, XRAY_DEFAULT_PAGE_SIZE } from './xp-xray.ts';
import type { XpContext } from './xp-context.ts';
import { ChildListSnapshots } from './child-list-snapshots.ts';

export interface SitecoreXpClientOptions {
  /** Items per X-Ray crawl page (children are sliced client-side); default 200. */
  xrayPageSize?: number;
}

/**
 * The Sitecore XP/XM adapter over the SSC Item Service REST API. Every call
 * goes through `kit.http` (timeouts, retries of idempotent reads, breaker);
 * nothing is cached here (the content service caches).
 */
export function createSitecoreXpClient(config: SitecoreXpConfig, kit: AdapterKit, options: SitecoreXpClientOptions = {}): AdapterClient {
  const logger = kit.logger.child({ component: 'sitecore-xp' });
  const session = createSscSession({ http: kit.http, adapter: kit.name, credentials: config.credentials, logger, signal: kit.signal });
  const api = createSscApi(session, kit.name, kit.signal);
  const ctx: XpContext = { api, config, adapter: kit.name, logger, childLists: new ChildListSnapshots() };
  return {
    hasPaths: true,
    health: () => checkHealth(ctx, session, kit.http, kit.clock, kit.signal),
    getContent: (ref, readOptions) => getContent(ctx, ref, readOptions),
    listContent: (query) => listContent(ctx, query),
    listTypes: (query) => listTypes(ctx, query),
    getType: (idOrName) => getType(ctx, idOrName),
    search: createSearchPart(ctx),
    media: createMediaPart(ctx),
    write: createWritePart(ctx),
    xray: createXraySource(ctx, options.xrayPageSize ?? XRAY_DEFAULT_PAGE_SIZE),
  };
}
