import type { AdapterManifest, Capability } from '../../src/adapter-kit/index.ts';
import { createXmcClient } from './xmc-client.ts';
import { xmcConfigSchema, type XmcConfig } from './xmc-config.ts';

/**
 * Sitecore XM Cloud through Experience Edge GraphQL (delivery, CM preview or
 * Edge Platform with a context ID). Read-only: Edge is a delivery API, and
 * writes through the Authoring and Management API are not implemented, so
 * `write` is never a capability, with or without `authoring` credentials.
 */
const manifest: AdapterManifest<XmcConfig> = {
  id: 'sitecore-xmc',
  displayName: 'Sitecore XM Cloud (Experience Edge)',
  configSchema: xmcConfigSchema,
  capabilities(_config: XmcConfig): Capability[] {
    return ['read', 'search', 'media', 'xray'];
  },
  create: (config, kit) => createXmcClient(config, kit),
};

export default manifest;
