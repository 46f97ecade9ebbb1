import type { Logger } from '../../../src/adapter-kit/index.ts';
import type { GroundTruth } from './generator/ground-truth.ts';
import type { SimTree } from './tree/sim-tree.ts';

export interface SimulatorFaults {
  latencyMs?: number;
  errorRate?: number;
  errorStatus?: 500 | 503;
  rateLimitPerSecond?: number;
  retryAfterSeconds?: number;
  /** Fraction of requests that never answer. */
  hangRate?: number;
  /** Close the listener and all sockets after N requests. */
  dieAfterRequests?: number;
  /** Statuses to answer next, in order, before normal behaviour (e.g. [503, 503]). */
  script?: number[];
  /** RegExp source: faults apply only to matching paths. */
  routes?: string;
}

export interface SitecoreSimulatorOptions {
  /** Total items to generate (default 2000; raised to the minimum the planted defects need). */
  items?: number;
  /** PRNG seed (default 1). */
  seed?: number;
  /** Plant X-Ray defects (default true). */
  defects?: boolean;
  /** The generator's clock for dates (default 2026-11-01T00:00:00Z). */
  now?: Date;
  port?: number;
  host?: string;
  credentials?: { domain: string; username: string; password: string };
  cookieName?: '.AspNet.Cookies' | '.ASPXAUTH';
  /** Login session lifetime (default 20 min), absolute from login. */
  sessionTtlMs?: number;
  faults?: SimulatorFaults;
  /** For the Edge GraphQL surface. */
  edgeApiKey?: string;
  /** The automation client the OAuth token endpoint accepts (default DEFAULT_AUTHORING_CLIENT). */
  authoringClient?: { clientId: string; clientSecret: string };
  /** Lifetime of issued Authoring API tokens, `expires_in` (default 86400 s, "typically 24 hours"). */
  authoringTokenTtlSeconds?: number;
  /** Serve an existing tree instead of generating one (e.g. to restart after dieAfterRequests). */
  tree?: SimTree;
  /** Ground truth to serve with `tree` (default: the one generated, or empty for a supplied tree). */
  groundTruth?: GroundTruth;
  logger?: Logger;
  /**
   * Serve HTTPS with this PEM key and certificate, as a real CM does (default: plain HTTP). With `clientCa`, every
   * client must present a certificate signed by one of those CAs (mutual TLS, as behind a gateway that requires one).
   */
  tls?: SimulatorTls;
}

export interface SimulatorStats {
  /** Requests to the CMS surfaces (admin /_sim/* requests are not counted). */
  total: number;
  byRoute: Record<string, number>;
  /** Children requests served per item id (canonical), after fault injection. */
  childrenFetches: Record<string, number>;
}

export interface SitecoreSimulator {
  /** http://127.0.0.1:PORT (https:// with the tls option) */
  url: string;
  /** The generated instance (mutable for tests). */
  tree: SimTree;
  stats(): SimulatorStats;
  resetStats(): void;
  setFaults(f: SimulatorFaults): void;
  groundTruth(): GroundTruth;
  close(): Promise<void>;
}

export interface ResolvedSimulatorOptions {
  items: number;
  seed: number;
  defects: boolean;
  now: Date;
  port: number;
  host: string;
  credentials: { domain: string; username: string; password: string };
  cookieName: '.AspNet.Cookies' | '.ASPXAUTH';
  sessionTtlMs: number;
  edgeApiKey: string | undefined;
  authoringClient: { clientId: string; clientSecret: string } | undefined;
  authoringTokenTtlSeconds: number | undefined;
}

export interface SimulatorTls { key: string; cert: string; clientCa?: string[] }
