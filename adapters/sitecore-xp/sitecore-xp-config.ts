import { z } from 'zod';
import { scanLanguagesSchema } from '../../src/adapter-kit/index.ts';

/**
 * The `adapters.<name>` block for `type: sitecore-xp`. Strict, so a misspelt
 * key is reported; the common keys (type, url, resilience, cache,
 * maxCallsPerSecond, tls) are declared here only so they pass: the config layer
 * validates them with its own schema.
 */
export const sitecoreXpConfigSchema = z.strictObject({
  type: z.literal('sitecore-xp').optional(),
  /** The CM base URL, e.g. https://cm.example.com (no /sitecore suffix). */
  url: z.url({ protocol: /^https?$/ }),
  credentials: z.strictObject({
    domain: z.string({ error: 'credentials.domain is required (usually "sitecore")' }).min(1, 'credentials.domain must not be empty'),
    username: z.string({ error: 'credentials.username is required' }).min(1, 'credentials.username must not be empty'),
    password: z.string({ error: 'credentials.password is required (take it from ${ENV_VAR})' }).min(1, 'credentials.password must not be empty'),
  }, { error: 'credentials must be an object { domain, username, password }' }),
  /** Sitecore database the Item Service reads and writes. */
  database: z.string().min(1).default('master'),
  /** Default content language when a call names none. */
  language: z.string().min(1).default('en'),
  /**
   * Languages X-Ray reads: a list of language names (as under /sitecore/system/Languages), or "all". Each one
   * after the first costs one more request per crawled page. Default: \`language\` alone.
   */
  xrayLanguages: scanLanguagesSchema.optional(),
  /** Default parent for listings and default X-Ray root. */
  rootPath: z.string().regex(/^\/sitecore(\/|$)/, 'rootPath must start with /sitecore').default('/sitecore/content'),
  resilience: z.unknown().optional(),
  cache: z.unknown().optional(),
  maxCallsPerSecond: z.unknown().optional(),
  tls: z.unknown().optional(),
});

export type SitecoreXpConfig = z.infer<typeof sitecoreXpConfigSchema>;
