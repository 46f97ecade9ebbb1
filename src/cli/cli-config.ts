import { adapterConfigSchema } from '../app.ts';
import type { ConduitConfig } from '../config/config-schema.ts';
import { deepFreeze } from '../config/deep-freeze.ts';
import { checkConfigFile, loadConfig, type ConfigCheck, type LoadedConfig } from '../config/load-config.ts';

/** Loads the config the CLI way: --config, then $CONDUIT_CONFIG, then ./conduit.yaml. */
export function loadCliConfig(path: string | undefined): Promise<LoadedConfig> {
  return loadConfig({ ...(path ? { path } : {}), env: process.env, cwd: process.cwd(), adapterSchema: adapterConfigSchema });
}

export function checkCliConfig(path: string | undefined): Promise<ConfigCheck> {
  return checkConfigFile({ ...(path ? { path } : {}), env: process.env, cwd: process.cwd(), adapterSchema: adapterConfigSchema });
}

/** Applies command-line overrides to a frozen config, returning a new frozen config. */
export function withOverrides(config: ConduitConfig, change: (draft: ConduitConfig) => void): ConduitConfig {
  const draft = structuredClone(config);
  change(draft);
  return deepFreeze(draft);
}
