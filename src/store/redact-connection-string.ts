const REDACTED = '***';

/**
 * A Postgres connection string with its password removed, safe for messages
 * and logs. Handles URLs (postgres://user:pass@host/db?password=...) and
 * libpq key=value strings (host=x password=y). Errs on the side of hiding
 * too much: an unencoded '@' in a password hides everything up to the last '@'.
 */
export function redactConnectionString(connectionString: string): string {
  const scheme = /^[a-z][a-z0-9+.-]*:\/\//i.exec(connectionString);
  if (scheme) return redactUrl(connectionString, scheme[0].length);
  return connectionString.replace(/(\bpassword\s*=\s*)('(?:[^'\\]|\\.)*'|\S+)/gi, `$1${REDACTED}`);
}

// Parsed by hand, not with `new URL`: a malformed URL must still come out redacted.
function redactUrl(url: string, authorityStart: number): string {
  let out = url;
  const at = out.lastIndexOf('@');
  if (at > authorityStart) {
    const userinfo = out.slice(authorityStart, at);
    const colon = userinfo.indexOf(':');
    if (colon !== -1) out = out.slice(0, authorityStart + colon + 1) + REDACTED + out.slice(at);
  }
  return out.replace(/([?&]password=)[^&#]*/gi, `$1${REDACTED}`);
}
