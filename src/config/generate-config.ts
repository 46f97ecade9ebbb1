import type { AdapterType } from './config-schema.ts';

export interface GenerateAdapterAnswer {
  name: string;
  type: AdapterType;
  url: string;
  /** Env var names that hold the secrets, by credential key. */
  secretEnv: Record<string, string>;
}

export interface GenerateAnswers {
  adapters: GenerateAdapterAnswer[];
  storage: { kind: 'sqlite'; path: string } | { kind: 'postgres'; env: string };
  http: { host: string; port: number; tokenEnv?: string };
  readOnly: boolean;
}

/** The credential keys each adapter type takes, and which of them are secrets (read from env). */
export const CREDENTIAL_KEYS: Record<AdapterType, { plain: Record<string, string>; secrets: string[] }> = {
  'sitecore-xp': { plain: { domain: 'sitecore', username: 'admin' }, secrets: ['password'] },
  'sitecore-xmc': { plain: {}, secrets: ['apiKey'] },
  wordpress: { plain: { username: 'editor' }, secrets: ['applicationPassword'] },
  contentful: { plain: { spaceId: 'your-space-id', environment: 'master' }, secrets: ['accessToken'] },
  sanity: { plain: { projectId: 'your-project-id', dataset: 'production' }, secrets: ['token'] },
  umbraco: { plain: {}, secrets: ['apiKey'] },
  optimizely: { plain: {}, secrets: ['clientSecret'] },
};

export function defaultSecretEnv(adapterName: string, key: string): string {
  const snake = key.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase();
  return `${adapterName.replace(/[^a-z0-9]/gi, '_').toUpperCase()}_${snake}`;
}

/**
 * Writes a commented YAML config from the wizard's or the flags' answers.
 * Secrets are never written: only ${ENV_VAR} references to them.
 */
export function generateConfigYaml(answers: GenerateAnswers): string {
  const out: string[] = [
    '# Conduit configuration. Validate with: conduit config validate',
    '# ${VAR} and ${VAR:-default} are read from the environment; VAR_FILE may name a file holding the value.',
    '',
    'adapters:            # one or more, keyed by the name tools use in their `adapter` argument',
  ];
  for (const adapter of answers.adapters) out.push(...adapterBlock(adapter));
  out.push('', 'storage:             # where X-Ray scans are kept');
  if (answers.storage.kind === 'sqlite') {
    out.push(`  sqlite: ${quote(answers.storage.path)}`, '  # postgres: ${DATABASE_URL}   # DATABASE_URL in the environment also selects Postgres');
  } else {
    out.push(`  postgres: \${${answers.storage.env}}`);
  }
  out.push('  autoMigrate: true   # apply database migrations on start', '');
  out.push('server:', '  http:                # used by `conduit serve --http`');
  out.push(`    host: ${quote(answers.http.host)}   # 127.0.0.1 keeps the server local; other addresses need auth.tokens`);
  out.push(`    port: ${answers.http.port}`, '    allowedOrigins: []   # browser origins allowed to call /mcp');
  if (answers.http.tokenEnv) out.push('    auth:', `      tokens: [ "\${${answers.http.tokenEnv}}" ]   # clients send Authorization: Bearer <token>`);
  out.push('    # sessions: { max: 1000, idleTimeoutMs: 1800000 }   # open 2025-era and SSE sessions (~60 KB each)');
  out.push('  shutdownTimeoutMs: 10000   # how long SIGTERM waits for in-flight calls', '');
  out.push('mcp:', `  readOnly: ${answers.readOnly}   # true hides and refuses every write tool`);
  out.push('  toolsets: [content, xray, ops]', '');
  out.push('# network:', '#   proxyFromEnv: true   # send CMS calls through HTTPS_PROXY / HTTP_PROXY, except NO_PROXY hosts', '');
  return `${out.join('\n')}\n`;
}

function adapterBlock(adapter: GenerateAdapterAnswer): string[] {
  const keys = CREDENTIAL_KEYS[adapter.type];
  const lines = [`  ${adapter.name}:`, `    type: ${adapter.type}`, `    url: ${quote(adapter.url)}`, '    credentials:'];
  for (const [key, example] of Object.entries(keys.plain)) lines.push(`      ${key}: ${quote(example)}`);
  for (const key of keys.secrets) {
    const env = adapter.secretEnv[key] ?? defaultSecretEnv(adapter.name, key);
    lines.push(`      ${key}: \${${env}}   # secret: set ${env} in the environment`);
  }
  lines.push('    # resilience: { timeoutMs: 10000, maxAttempts: 3, maxConcurrent: 16, ratePerSecond: 0 }');
  lines.push('    # cache: { ttlMs: 60000, maxEntries: 5000 }');
  lines.push('    # tls: { caFile: /etc/ssl/certs/company-ca.pem }   # a private or self-signed CA the CMS certificate comes from');
  lines.push('    #   (add certFile: client.pem, keyFile: client.key when the CMS requires a client certificate)');
  if (adapter.type === 'sitecore-xp') lines.push('    # xrayLanguages: all   # X-Ray every registered language, not just `language` (one more request per page each)');
  return lines;
}

function quote(value: string): string {
  return JSON.stringify(value);
}
