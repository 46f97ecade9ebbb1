import { runAdapterContract, type ContractHarness } from '../../test/adapter-contract/adapter-contract-suite.ts';
import { FIXTURE, gid } from '../sitecore/simulator/edge/test-support/edge-fixture-source.ts';
import { startXmcHarness } from './test-support/xmc-harness.ts';
import { startXmcSimulatorHarness } from './test-support/xmc-simulator-harness.ts';
import { EDGE_ROUTE_PATTERN } from '../sitecore/simulator/edge/edge-surface.ts';

const LATE_BREAKER = { consecutiveFailures: 50, failureRateThreshold: 0, windowMs: 30_000, minimumCalls: 20, halfOpenAfterMs: 200 };

function manyChildrenPath(sim: { groundTruth(): { findings: Record<string, Array<{ path: string }>> } }): string {
  const planted = sim.groundTruth().findings['too-many-children']?.[0];
  if (!planted) throw new Error('the generated instance has no too-many-children parent');
  return planted.path;
}

async function simulatorHarness(authoring: boolean): Promise<ContractHarness> {
  const h = await startXmcSimulatorHarness({ resilience: { breaker: LATE_BREAKER }, authoring });
  const tree = h.sim.tree;
  const home = tree.getByPath('/sitecore/content/Home');
  const media = tree.getByPath('/sitecore/media library/Project/Acme/Images/Products/Set 01/products-0001');
  if (!home || !media) throw new Error('the generated instance lacks Home or products-0001');
  return {
    client: h.client,
    fixtures: {
      knownId: home.id,
      knownPath: '/sitecore/content/Home',
      knownName: 'Home',
      missingId: gid(987_654),
      // The planted too-many-children parent (101 children), wherever the generator puts it.
      parentWithManyChildren: { path: manyChildrenPath(h.sim) },
      listPageSize: 25,
      searchTerm: 'press release',
      searchPageSize: 20,
      templateName: 'Article Page',
      writableField: 'Title',
      mediaId: media.id,
      ...(authoring ? { writableParent: { path: '/sitecore/content/Home' } } : {}),
    },
    async breakUpstream(kind) {
      // The simulator's own fault injection, limited to the Edge routes.
      const routes = EDGE_ROUTE_PATTERN.source;
      if (kind === 'auth') h.sim.setFaults({ script: Array.from({ length: 200 }, () => 401), routes });
      else h.sim.setFaults({ errorRate: 1, errorStatus: 503, retryAfterSeconds: 0, routes });
    },
    close: () => h.close(),
  };
}


/**
 * The shared adapter contract for sitecore-xmc, over real HTTP on 127.0.0.1:
 * against the Sitecore simulator over the generated 2,000-item instance
 * (client configured with the recommended 80 req/s) read-only through Edge
 * delivery, and with authoring credentials (reads through CM preview, writes
 * through the Authoring and Management API: the write part of the suite runs);
 * and against a small hand-written published tree, read-only (writes skipped:
 * no write part without authoring credentials).
 */
async function fixtureTreeHarness(): Promise<ContractHarness> {
  // A breaker that trips late: the "server error" group checks ADP_UNAVAILABLE, not ADP_CIRCUIT_OPEN.
  const h = await startXmcHarness({ resilience: { breaker: LATE_BREAKER } });
  return {
    client: h.client,
    fixtures: {
      knownId: FIXTURE.about,
      knownPath: '/sitecore/content/Home/About Us',
      knownName: 'About Us',
      missingId: gid(987_654),
      parentWithManyChildren: { path: '/sitecore/content/Home/News' },
      parentChildCount: FIXTURE.articleCount,
      listPageSize: 5,
      searchTerm: 'article',
      searchPageSize: 5,
      templateName: 'Article',
      writableField: 'Title',
      mediaId: FIXTURE.hero,
    },
    async breakUpstream(kind) {
      if (kind === 'auth') h.setAcceptedKeys([]);
      else h.server.failWith(503);
    },
    close: () => h.close(),
  };
}

runAdapterContract('sitecore-xmc (Sitecore simulator, Edge surface, read-only)', () => simulatorHarness(false));
runAdapterContract('sitecore-xmc (Sitecore simulator, CM preview + Authoring API writes)', () => simulatorHarness(true));
runAdapterContract('sitecore-xmc (Edge surface, fixture tree)', fixtureTreeHarness);
