import type { XrayProfile } from './adapter-kit/index.ts';
import type { Logger } from './core/ports.ts';
import type { ContentService } from './content/content-service-types.ts';
import type { ConduitConfig } from './config/config-schema.ts';
import type { Metrics } from './ops/metrics.ts';
import type { ScanStore } from './store/scan-store.ts';
import type { ScanService } from './xray/scan-service.ts';

/** Metadata of one incoming call (MCP tool call or CLI command). */
export interface CallMeta {
  /** Tool or command name, e.g. "content_get". */
  tool: string;
  /** Adapter name when the call targets one (for per-adapter limits and logs). */
  adapter?: string;
}

/**
 * Runs every incoming call: applies the global and per-adapter incoming
 * limits (TOOL_RATE_LIMITED), binds a correlationId through AsyncLocalStorage
 * for every log line of the call, records conduit_request_total /
 * conduit_request_duration_seconds, logs the outcome, and tracks in-flight
 * calls so shutdown can drain them. Refuses new calls with SHUTTING_DOWN once
 * draining started.
 */
export interface CallRunner {
  run<T>(meta: CallMeta, fn: (ctx: CallContext) => Promise<T>): Promise<T>;
  inFlight(): number;
  /** Stop accepting calls and wait for in-flight ones, up to timeoutMs. Resolves true when all finished. */
  drain(timeoutMs: number): Promise<boolean>;
}

export interface CallContext {
  correlationId: string;
  logger: Logger;
  signal: AbortSignal;
}

export interface AdapterReadiness {
  name: string;
  type: string;
  loaded: boolean;
  breaker: 'closed' | 'open' | 'half-open' | 'isolated';
  /** ISO time of the last successful upstream response, if any. */
  lastSuccessAt?: string;
}

export interface Readiness {
  ready: boolean;
  shuttingDown: boolean;
  /** Tool calls being served right now (what a shutdown would drain). */
  inFlightCalls: number;
  store: { ok: boolean; kind: 'sqlite' | 'postgres' | 'none'; message?: string };
  adapters: AdapterReadiness[];
}

/** The one composition root's product: what the CLI and the MCP server use. */
export interface App {
  readonly version: string;
  readonly config: ConduitConfig;
  readonly logger: Logger;
  readonly content: ContentService;
  readonly metrics: Metrics;
  readonly calls: CallRunner;
  /** X-Ray scans: start, crawl, resume, status, cancel (both front doors use it). */
  readonly xray: ScanService;
  /** The scan store, opened (and migrated per storage.autoMigrate) on first use; STORE_* errors when it cannot be. */
  scanStore(): Promise<ScanStore>;
  /** The X-Ray profile of a configured adapter (re-analysis, graph); null when it has none. */
  xrayProfile(adapter: string): XrayProfile | null;
  readiness(): Promise<Readiness>;
  /** Flips /ready to 503 (first step of a graceful shutdown); calls in flight go on. */
  beginShutdown(): void;
  /** Closes adapters, stores and background work. Idempotent. */
  close(): Promise<void>;
}
