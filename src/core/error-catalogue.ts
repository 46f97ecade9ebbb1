/**
 * The one catalogue of error codes. Codes are FAMILY_REASON and never reused.
 * TROUBLESHOOTING.md is generated from this table (`npm run docs:errors`) and a
 * test fails when the two drift apart.
 */
export interface ErrorCatalogueEntry {
  /** One line: what happened, in the user's terms. */
  means: string;
  /** Default remediation hint; call sites may give a more specific one. */
  fix: string;
  retryable: boolean;
}

const entries = {
  // ── configuration ────────────────────────────────────────────────────────
  CFG_NOT_FOUND: {
    means: 'No configuration file was found at --config, $CONDUIT_CONFIG or ./conduit.yaml.',
    fix: 'Create one with `conduit config generate`, or point --config / CONDUIT_CONFIG at an existing file.',
    retryable: false,
  },
  CFG_UNREADABLE: {
    means: 'The configuration file exists but could not be read (permissions, or it is a directory).',
    fix: 'Check the path and its permissions: the Conduit process must be able to read it.',
    retryable: false,
  },
  CFG_YAML_MALFORMED: {
    means: 'The configuration file is not valid YAML; the message gives the line and column.',
    fix: 'Fix the YAML syntax at the reported line and column (indentation, a missing colon, an unclosed quote).',
    retryable: false,
  },
  CFG_ENV_MISSING: {
    means: 'The configuration refers to an environment variable with ${VAR} that is not set and has no default.',
    fix: 'Export the named variable, or give a default in the file with ${VAR:-default}.',
    retryable: false,
  },
  CFG_SECRET_FILE_UNREADABLE: {
    means: 'A secret is configured to come from a file (VAR_FILE) that cannot be read.',
    fix: 'Check that the file named in the *_FILE variable exists and is readable by the Conduit process.',
    retryable: false,
  },
  CFG_TLS_CA_INVALID: {
    means: 'An adapter\'s tls.caFile cannot be read, holds no PEM certificate, or holds one that cannot be parsed.',
    fix: 'Point tls.caFile at a readable PEM file with the CA certificate(s) that signed the CMS\'s certificate (relative paths start from the working directory).',
    retryable: false,
  },
  CFG_TLS_CLIENT_CERT_INVALID: {
    means: 'An adapter\'s client certificate (tls.certFile and tls.keyFile, or tls.pfxFile) cannot be read, does not parse, its key cannot be opened (an encrypted key or PKCS#12 file without the right tls.keyPassphrase), or the key does not belong to the certificate.',
    fix: 'Point tls.certFile and tls.keyFile at the PEM certificate and private key the CMS (or the gateway in front of it) expects, or tls.pfxFile at a PKCS#12 (.pfx) export; set tls.keyPassphrase from the environment when it is encrypted.',
    retryable: false,
  },
  CFG_INVALID: {
    means: 'The configuration has one or more problems; each is listed with its dot-path and its own code.',
    fix: 'Run `conduit config validate` to see every problem with a suggested fix.',
    retryable: false,
  },
  CFG_UNKNOWN_KEY: {
    means: 'A key in the configuration is not one Conduit knows; often a typo.',
    fix: 'Remove the key or rename it to the suggested one; `conduit config generate` writes a full example.',
    retryable: false,
  },
  CFG_WRONG_TYPE: {
    means: 'A configuration value has the wrong type (for example text where a number is expected).',
    fix: 'Change the value at the reported path to the expected type.',
    retryable: false,
  },
  CFG_MISSING_KEY: {
    means: 'A required configuration key is missing.',
    fix: 'Add the key at the reported path.',
    retryable: false,
  },
  CFG_INVALID_VALUE: {
    means: 'A configuration value has the right type but is not allowed (out of range, not a URL, not one of the choices). '
      + 'Some values can only be checked against the CMS, when a scan starts: a sitecore-xp `xrayLanguages` entry that is not a language registered '
      + 'on the instance, or `xrayLanguages: all` when the account cannot read /sitecore/system/Languages.',
    fix: 'Change the value at the reported path to one of the allowed values. For xrayLanguages, use the language item names under '
      + '/sitecore/system/Languages (de-DE, not de), or give the account read access to that folder.',
    retryable: false,
  },
  CFG_UNKNOWN_ADAPTER_TYPE: {
    means: 'An adapter has a `type` Conduit does not support.',
    fix: 'Use one of: sitecore-xp, sitecore-xmc, wordpress, contentful, sanity, umbraco, optimizely.',
    retryable: false,
  },
  CFG_BAD_CREDENTIALS: {
    means: 'An adapter\'s `credentials` block does not have the shape its CMS type needs.',
    fix: 'See the adapter\'s README (docs/adapters) for the credential keys of that type; take secrets from ${ENV_VARS}.',
    retryable: false,
  },
  CFG_FILE_EXISTS: {
    means: '`conduit config generate` would overwrite an existing file.',
    fix: 'Pass --force to overwrite it, or choose another path with --out.',
    retryable: false,
  },
  // ── adapters (upstream CMS) ──────────────────────────────────────────────
  ADP_AUTH_FAILED: {
    means: 'The CMS rejected Conduit\'s credentials (HTTP 401/403 or an authentication error).',
    fix: 'Check the adapter\'s credentials in the config and the environment variables they come from, and that the CMS account has API access.',
    retryable: false,
  },
  ADP_NOT_FOUND: {
    means: 'The CMS has no item at that id or path (or the account may not read it).',
    fix: 'Check the id or path; list the parent with content_list to see what exists.',
    retryable: false,
  },
  ADP_RATE_LIMITED: {
    means: 'The CMS answered 429 Too Many Requests and retries ran out within the deadline.',
    fix: 'Wait for the retry-after time, or lower adapters.<name>.resilience.ratePerSecond.',
    retryable: true,
  },
  ADP_UNAVAILABLE: {
    means: 'The CMS could not be reached or answered with a server error (5xx) after all retries.',
    fix: 'Check that the CMS is up and reachable from this host (`conduit config validate --connect` tells per adapter); see /ready for the adapter\'s state. Behind a company proxy, set network.proxyFromEnv (DEPLOYMENT.md).',
    retryable: true,
  },
  ADP_TLS_FAILED: {
    means: 'The TLS handshake with the CMS failed: its certificate is not signed by a CA Conduit trusts, is expired, is for another host name, or the port does not speak TLS. Retrying cannot help, so Conduit does not.',
    fix: 'For a private or self-signed CA, set tls.caFile on the adapter to a PEM file with that CA, or start Conduit with NODE_EXTRA_CA_CERTS (or NODE_OPTIONS=--use-system-ca). Otherwise renew the certificate, or fix the host name or scheme in the adapter url.',
    retryable: false,
  },
  ADP_TIMEOUT: {
    means: 'The CMS did not answer within the configured timeout.',
    fix: 'Check the CMS\'s load, or raise adapters.<name>.resilience.timeoutMs / deadlineMs.',
    retryable: true,
  },
  ADP_CIRCUIT_OPEN: {
    means: 'Recent calls to this CMS failed repeatedly, so Conduit stopped calling it for a while (circuit breaker open).',
    fix: 'Wait for the retry-after time; check the CMS\'s health. Other adapters are unaffected.',
    retryable: true,
  },
  ADP_BUSY: {
    means: 'Too many requests to this CMS are already in flight or queued (bulkhead full).',
    fix: 'Retry shortly, or raise adapters.<name>.resilience.maxConcurrent / maxQueue.',
    retryable: true,
  },
  ADP_CAPABILITY_MISSING: {
    means: 'The adapter does not support this operation (for example writes on a read-only Edge endpoint).',
    fix: 'Use an adapter that supports it, or configure the credentials that enable it (see the adapter README).',
    retryable: false,
  },
  ADP_BAD_RESPONSE: {
    means: 'The CMS answered with a body Conduit could not understand (malformed JSON or an unexpected shape).',
    fix: 'Check that the adapter URL points at the right API and the CMS version is supported; a proxy may be rewriting responses.',
    retryable: false,
  },
  ADP_REQUEST_REJECTED: {
    means: 'The CMS rejected the request as invalid (HTTP 4xx other than 401, 403, 404 and 429).',
    fix: 'Check the arguments (field names, template, parent) against the CMS schema with schema_get.',
    retryable: false,
  },
  ADP_LOAD_FAILED: {
    means: 'The adapter module for this CMS type failed to load or to start; other adapters keep working.',
    fix: 'Check the adapter configuration; if it persists this is a bug, please report it with `conduit --version`.',
    retryable: false,
  },
  ADP_UNKNOWN: {
    means: 'A tool or command named an adapter that is not configured.',
    fix: 'Use one of the adapter names under `adapters:` in the config (health_check lists them).',
    retryable: false,
  },
  ADP_AMBIGUOUS: {
    means: 'Several adapters are configured and the call did not say which one to use.',
    fix: 'Pass the `adapter` argument with one of the configured adapter names.',
    retryable: false,
  },
  // ── MCP tools and incoming calls ─────────────────────────────────────────
  TOOL_INVALID_ARGS: {
    means: 'The tool arguments did not match the tool\'s input schema.',
    fix: 'Fix the arguments named in the message; tools/list shows each tool\'s input schema.',
    retryable: false,
  },
  TOOL_READ_ONLY: {
    means: 'A write was refused because Conduit runs in read-only mode.',
    fix: 'Turn off mcp.readOnly (or drop --read-only) if writes are intended.',
    retryable: false,
  },
  TOOL_RATE_LIMITED: {
    means: 'Too many tool calls arrived at once: the global or per-adapter incoming limit was reached.',
    fix: 'Retry after the given number of seconds, or raise limits.* in the config.',
    retryable: true,
  },
  TOOL_CURSOR_INVALID: {
    means: 'A pagination cursor was malformed, expired or belongs to another query.',
    fix: 'Start again without a cursor and use the cursors Conduit returns unchanged.',
    retryable: false,
  },
  TOOL_UNAVAILABLE: {
    means: 'The tool is not available in this server (toolset disabled, read-only mode, or no adapter supports it).',
    fix: 'Check mcp.toolsets and mcp.readOnly in the config.',
    retryable: false,
  },
  // ── HTTP server ──────────────────────────────────────────────────────────
  HTTP_BIND_UNSAFE: {
    means: 'Conduit refused to listen on a non-loopback address without authentication.',
    fix: 'Configure server.http.auth.tokens, or bind 127.0.0.1; pass --allow-unauthenticated only behind a trusted proxy.',
    retryable: false,
  },
  HTTP_LISTEN_FAILED: {
    means: 'The HTTP server could not listen on the given host and port (in use, or not permitted).',
    fix: 'Choose another port with --http or server.http.port, or stop the process using it.',
    retryable: false,
  },
  // ── storage ──────────────────────────────────────────────────────────────
  STORE_UNAVAILABLE: {
    means: 'The scan database could not be opened or reached.',
    fix: 'Check storage.sqlite (a writable path) or storage.postgres / DATABASE_URL (host, credentials, network).',
    retryable: true,
  },
  STORE_SCHEMA_AHEAD: {
    means: 'The database was migrated by a newer Conduit than this one.',
    fix: 'Upgrade Conduit to at least the version that migrated the database, or use another database.',
    retryable: false,
  },
  STORE_MIGRATION_CHANGED: {
    means: 'A migration already applied to this database differs from the file shipped with this Conduit.',
    fix: 'Do not edit applied migrations; restore the original file or reinstall Conduit. Add changes as a new numbered migration.',
    retryable: false,
  },
  STORE_MIGRATION_FAILED: {
    means: 'A migration failed to apply; its transaction was rolled back.',
    fix: 'Read the database error in the message; fix the database state, then run `conduit db migrate` again.',
    retryable: false,
  },
  STORE_NOT_MIGRATED: {
    means: 'The database is behind and automatic migration is off (storage.autoMigrate: false).',
    fix: 'Run `conduit db migrate`, or set storage.autoMigrate: true.',
    retryable: false,
  },
  // ── X-Ray ────────────────────────────────────────────────────────────────
  XRAY_SCAN_NOT_FOUND: {
    means: 'No scan with that id exists in the configured store.',
    fix: 'List scans with `conduit xray list` or the xray_list tool.',
    retryable: false,
  },
  XRAY_SOURCE_MISSING: {
    means: 'The adapter cannot enumerate content for X-Ray.',
    fix: 'Use an adapter with the xray capability (sitecore-xp, sitecore-xmc); see docs/xray.md.',
    retryable: false,
  },
  XRAY_SCAN_FINISHED: {
    means: 'The scan has already finished, failed or been cancelled, so it cannot be changed.',
    fix: 'Start a new scan with `conduit xray scan`.',
    retryable: false,
  },
  XRAY_CRAWL_INTERRUPTED: {
    means: 'The crawl stopped before the end (the CMS or the store became unreachable, or Conduit was asked to stop); every committed page is kept.',
    fix: 'Resume it with `conduit xray resume <scanId>` once the cause is fixed; `conduit serve` and `conduit worker` resume interrupted scans by themselves.',
    retryable: true,
  },
  XRAY_SCAN_FAILED: {
    means: 'The scan failed; the pages crawled before the failure are kept and the reason is stored with the scan.',
    fix: 'Read the reason with `conduit xray status <scanId>`, fix it (often the adapter credentials or root), then start a new scan.',
    retryable: false,
  },
  XRAY_SCAN_CANCELLED: {
    means: 'The scan was cancelled before it finished; the pages crawled so far are kept.',
    fix: 'Start a new scan with `conduit xray scan` if you still need one.',
    retryable: false,
  },
  XRAY_NOT_ANALYZED: {
    means: 'The scan has no analysis yet, so it has no findings, score or report.',
    fix: 'Wait for the scan to finish (`conduit xray status <scanId>`): it is analyzed when the crawl ends. A scan that ended without an analysis (it failed, or was cancelled) needs a new scan.',
    retryable: false,
  },
  // ── process ──────────────────────────────────────────────────────────────
  SHUTTING_DOWN: {
    means: 'Conduit is shutting down and no longer accepts new work.',
    fix: 'Retry against another instance or after the restart.',
    retryable: true,
  },
  INTERNAL: {
    means: 'An unexpected error inside Conduit: this is a bug.',
    fix: 'Please report it with the output of `conduit --version` and the correlationId from the logs.',
    retryable: false,
  },
} as const satisfies Record<string, ErrorCatalogueEntry>;

export type ErrorCode = keyof typeof entries;
export const ERROR_CATALOGUE: Readonly<Record<ErrorCode, ErrorCatalogueEntry>> = entries;
export const ERROR_CODES = Object.keys(entries) as ErrorCode[];

/** CLI exit codes by family, so scripts can tell a config problem from an outage. */
const EXIT_BY_FAMILY: Record<string, number> = {
  CFG: 3,
  ADP: 4,
  STORE: 5,
  XRAY: 6,
  HTTP: 7,
  TOOL: 8,
  LICENSE: 9,
  SHUTTING: 10,
};

export function exitCodeFor(code: ErrorCode): number {
  const family = code.split('_')[0] ?? '';
  return EXIT_BY_FAMILY[family] ?? 1;
}
