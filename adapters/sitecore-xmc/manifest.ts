import type { AdapterManifest, Capability } from '../../src/adapter-kit/index.ts';
import { createXmcClient } from './xmc-client.ts';
import { xmcConfigSchema, type XmcConfig } from './xmc-config.ts';

/**
 * Sitecore XM Cloud: reads through Experience Edge GraphQL (delivery, CM
 * preview or Edge Platform with a context ID); writes through the Authoring
 * and Management GraphQL API, only when `authoring` client credentials are
 * configured. Without them the adapter is read-only and `write` is not a capability.
 */
const manifest: AdapterManifest<XmcConfig> = {
  id: 'sitecore-xmc',
  displayName: 'Sitecore XM Cloud (Experience Edge)',
  configSchema: xmcConfigSchema,
  capabilities(config: XmcConfig): Capability[] {
    return config.authoring ? ['read', 'search', 'media', 'write', 'xray'] : ['read', 'search', 'media', 'xray'];
  },
  create: (config, kit) => createXmcClient(config, kit),
};

export default manifest;
