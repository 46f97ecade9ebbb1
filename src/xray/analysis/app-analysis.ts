import type { App } from '../../app-types.ts';
import { createXrayAnalysisService, type XrayAnalysisService } from './analysis-service.ts';

const services = new WeakMap<App, XrayAnalysisService>();

/**
 * The analysis service of an app, built once from what every App has (the
 * scan store, the `xray` config block, adapter profiles, the logger).
 */
export function xrayAnalysisOf(app: App): XrayAnalysisService {
  let service = services.get(app);
  if (!service) {
    service = createXrayAnalysisService({ store: () => app.scanStore(), config: app.config.xray, profileFor: (name) => app.xrayProfile(name), logger: app.logger.child({ component: 'xray-analysis' }) });
    services.set(app, service);
  }
  return service;
}
