import type { AdapterRegistry } from '../src/adapter-host/adapter-host.ts';

/**
 * The only list of adapters: type → lazy import of its manifest. Only the
 * configured types are ever imported, so one CMS's module failing to load
 * cannot take the server down for users of another.
 */
export const adapterRegistry: AdapterRegistry = {
  'sitecore-xp': () => import('./sitecore-xp/manifest.ts'),
  'sitecore-xmc': () => import('./sitecore-xmc/manifest.ts'),
};
