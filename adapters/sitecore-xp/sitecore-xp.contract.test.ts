// The shared adapter contract, run for sitecore-xp against the Sitecore simulator over real HTTP on loopback.
import { runAdapterContract, type ContractHarness } from '../../test/adapter-contract/adapter-contract-suite.ts';
import { startSitecoreSimulator, type SitecoreSimulator } from '../sitecore/simulator/sitecore-simulator.ts';
import { createTestKit } from '../../src/http/test-support/test-kit.ts';
import manifest from './manifest.ts';

const SSC_ROUTES = '^/sitecore/api/ssc/';
const SEARCH_TERM = 'press';

async function harness(): Promise<ContractHarness> {
  const sim = await startSitecoreSimulator({ items: 400, seed: 1 });
  try {
    return build(sim);
  } catch (error) {
    await sim.close();
    throw error;
  }
}

function build(sim: SitecoreSimulator): ContractHarness {
  const testKit = createTestKit({ name: 'contract', baseUrl: sim.url });
  const config = manifest.configSchema.parse({
    type: 'sitecore-xp', url: sim.url, credentials: { domain: 'sitecore', username: 'admin', password: 'b' },
  });
  const client = manifest.create(config, testKit.kit);
  const items = [...sim.tree.items.values()].filter((i) => i.readable);
  // The content item with the most readable children, paged so that it takes at least four pages.
  const parent = items.filter((i) => sim.tree.pathOf(i).startsWith('/sitecore/content/'))
    .sort((a, b) => sim.tree.children(b, true).length - sim.tree.children(a, true).length)[0];
  const childCount = parent ? sim.tree.children(parent, true).length : 0;
  const media = items.find((i) => sim.tree.pathOf(i).startsWith('/sitecore/media library/') && i.childIds.length === 0);
  const searchHits = items.filter((i) => i.name.toLowerCase().includes(SEARCH_TERM)).length;
  if (!parent || childCount < 12 || !media || searchHits < 12) {
    testKit.close();
    throw new Error(`the simulator tree lacks what this contract run relies on (children ${childCount}, media ${media?.id}, hits ${searchHits})`);
  }
  return {
    client,
    fixtures: {
      // Three spellings of the same id are accepted; the braced upper-case one is what raw fields hold.
      knownId: '{110D559F-DEA5-42EA-9C1C-8A5DF7E70EF9}',
      knownPath: '/sitecore/content/Home',
      knownName: 'Home',
      missingId: '4d2f0c3a-1b2c-4d5e-8f90-a1b2c3d4e5f6',
      parentWithManyChildren: { path: sim.tree.pathOf(parent) },
      parentChildCount: childCount,
      listPageSize: Math.floor((childCount - 1) / 3),
      searchTerm: SEARCH_TERM,
      searchPageSize: 5,
      writableParent: { path: '/sitecore/content/Home' },
      templateName: 'Sample Item',
      writableField: 'Title',
      mediaId: media.id,
    },
    async breakUpstream(kind) {
      sim.setFaults(kind === 'auth'
        ? { routes: SSC_ROUTES, script: Array.from({ length: 200 }, () => 403) }
        : { routes: SSC_ROUTES, errorRate: 1, errorStatus: 500 });
    },
    async close() {
      testKit.close();
      await sim.close();
    },
  };
}

runAdapterContract('sitecore-xp', harness);
