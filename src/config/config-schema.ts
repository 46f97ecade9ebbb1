import { z } from 'zod';
import { resilienceConfigSchema } from '../resilience/resilience-config.ts';
import { xrayConfigSchema } from '../xray/analysis/xray-config-schema.ts';

export const ADAPTER_TYPES = [
  'sitecore-xp', 'sitecore-xmc', 'wordpress', 'contentful', 'sanity', 'umbraco', 'optimizely',
] as const;
export type AdapterType = (typeof ADAPTER_TYPES)[number];

export const TOOLSETS = ['content', 'xray', 'ops'] as const;
export type Toolset = (typeof TOOLSETS)[number];

export const cacheConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  ttlMs: z.number().int().nonnegative().default(60_000),
  maxEntries: z.number().int().positive().default(5_000),
});

/** Keys every adapter block has; the type-specific keys are checked by the adapter's own schema. */
export const adapterCommonSchema = z.looseObject({
  type: z.enum(ADAPTER_TYPES),
  url: z.url({ protocol: /^https?$/ }),
  resilience: resilienceConfigSchema.prefault({}),
  cache: cacheConfigSchema.prefault({}),
  /** Incoming tool calls per second for this adapter (0 = unlimited). */
  maxCallsPerSecond: z.number().nonnegative().default(0),
  /**
   * CAs to trust for this CMS besides Node's defaults (caFile), and the client certificate to present when the
   * CMS asks for one: certFile + keyFile (PEM) or pfxFile (PKCS#12), keyPassphrase when encrypted. The files
   * are checked when the config is validated.
   */
  tls: z.strictObject({
    caFile: z.string().min(1).optional(),
    certFile: z.string().min(1).optional(),
    keyFile: z.string().min(1).optional(),
    pfxFile: z.string().min(1).optional(),
    keyPassphrase: z.string().min(1).optional(),
  }).superRefine((tls, ctx) => {
    if (tls.pfxFile !== undefined && (tls.certFile !== undefined || tls.keyFile !== undefined)) {
      ctx.addIssue({ code: 'custom', path: ['pfxFile'], message: 'give the client certificate either as tls.pfxFile or as tls.certFile + tls.keyFile, not both' });
    }
    if ((tls.certFile === undefined) !== (tls.keyFile === undefined)) {
      ctx.addIssue({ code: 'custom', path: [tls.certFile === undefined ? 'certFile' : 'keyFile'], message: 'a client certificate needs both tls.certFile and tls.keyFile' });
    }
    if (tls.keyPassphrase !== undefined && tls.keyFile === undefined && tls.pfxFile === undefined) {
      ctx.addIssue({ code: 'custom', path: ['keyPassphrase'], message: 'tls.keyPassphrase opens tls.keyFile or tls.pfxFile: set one of them too' });
    }
  }).prefault({}),
});

const httpServerSchema = z.strictObject({
  host: z.string().min(1).default('127.0.0.1'),
  port: z.number().int().min(0).max(65_535).default(3000),
  /** Extra Host header values accepted besides the bind address and localhost. */
  allowedHosts: z.array(z.string()).default([]),
  /** Origins allowed to call /mcp and /sse from a browser; others get 403. */
  allowedOrigins: z.array(z.string()).default([]),
  auth: z.strictObject({ tokens: z.array(z.string().min(16, 'tokens must be at least 16 characters')).default([]) }).prefault({}),
  maxBodyBytes: z.number().int().positive().default(1024 * 1024),
  requestTimeoutMs: z.number().int().positive().default(60_000),
  /** Serve the legacy HTTP+SSE transport at /sse and /messages. */
  legacySse: z.boolean().default(true),
  /**
   * Stateful clients: 2025-era sessions (Mcp-Session-Id) and legacy SSE streams, each with a server instance
   * of its own (~60 KB). Beyond `max` sessions the least recently used is closed, and a new SSE stream gets 503.
   */
  sessions: z.strictObject({
    max: z.number().int().min(1).default(1_000),
    /** A session with no request for this long is closed. */
    idleTimeoutMs: z.number().int().min(1_000).default(30 * 60_000),
  }).prefault({}),
});

export const configSchema = z.strictObject({
  adapters: z.record(
    z.string().regex(/^[a-z][a-z0-9_-]*$/, 'adapter names are lower-case letters, digits, - and _'),
    adapterCommonSchema,
  ).default({}),
  storage: z.strictObject({
    sqlite: z.string().min(1).default('./conduit.db'),
    postgres: z.string().min(1).optional(),
    autoMigrate: z.boolean().default(true),
  }).prefault({}),
  server: z.strictObject({
    http: httpServerSchema.prefault({}),
    shutdownTimeoutMs: z.number().int().positive().default(10_000),
  }).prefault({}),
  mcp: z.strictObject({
    readOnly: z.boolean().default(false),
    toolsets: z.array(z.enum(TOOLSETS)).default([...TOOLSETS]),
    excludeTools: z.array(z.string()).default([]),
    /** Approximate token budget per tool result; larger results are cut with a cursor. */
    responseBudgetTokens: z.number().int().min(500).default(20_000),
  }).prefault({}),
  limits: z.strictObject({
    /** Concurrent incoming tool calls across all adapters. */
    maxConcurrentCalls: z.number().int().positive().default(256),
    /** Incoming tool calls per second across all adapters (0 = unlimited). */
    maxCallsPerSecond: z.number().nonnegative().default(0),
  }).prefault({}),
  /** Outgoing calls to the CMSs. */
  network: z.strictObject({
    /**
     * Send CMS calls through the proxy in HTTP_PROXY / HTTPS_PROXY, except hosts in NO_PROXY.
     * NODE_USE_ENV_PROXY=1 in the environment (Node's own switch) turns it on too.
     */
    proxyFromEnv: z.boolean().default(false),
  }).prefault({}),
  logging: z.strictObject({
    level: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  }).prefault({}),
  /** X-Ray analysis: switch analyzers off or tune them (`xray.analyzers.<id>`); see docs/xray.md. */
  xray: xrayConfigSchema.prefault({}),
});

export type ConduitConfig = z.infer<typeof configSchema>;
export type AdapterConfig = z.infer<typeof adapterCommonSchema>;
export type CacheConfig = z.infer<typeof cacheConfigSchema>;
