import type { AdapterManifest } from '../../src/adapter-kit/index.ts';
import { sitecoreXpConfigSchema, type SitecoreXpConfig } from './sitecore-xp-config.ts';
import { createSitecoreXpClient } from './sitecore-xp-client.ts';

/** Sitecore XP / XM over the SSC Item Service REST API (`type: sitecore-xp`). */
const manifest: AdapterManifest<SitecoreXpConfig> = {
  id: 'sitecore-xp',
  displayName: 'Sitecore XP / XM (SSC Item Service)',
  configSchema: sitecoreXpConfigSchema,
  // Writes depend on the account's rights in Sitecore, which only a write attempt reveals.
  capabilities: () => ['read', 'search', 'media', 'write', 'xray'],
  create: (config, kit) => createSitecoreXpClient(config, kit),
};

export default manifest;
