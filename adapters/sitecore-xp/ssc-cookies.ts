/**
 * The SSC login answers with a forms-auth cookie: `.AspNet.Cookies` on 9.1+
 * (OWIN; large tickets are chunked as `.AspNet.CookiesC1`, `C2`, …) or
 * `.ASPXAUTH` on 8.x/9.0 and some 9.1+ instances. Both are accepted.
 */
const AUTH_COOKIE = /^(\.AspNet\.Cookies(C\d+)?|\.ASPXAUTH)$/;

/** The Set-Cookie lines of a response, also when a proxy folded them into one header. */
export function setCookieLines(headers: Headers): string[] {
  const lines = headers.getSetCookie();
  if (lines.length > 0) return lines;
  const folded = headers.get('set-cookie');
  // Split on the commas that start a new "name=" pair, not those inside Expires dates.
  return folded ? folded.split(/,(?=\s*[^;,=\s]+=)/).map((l) => l.trim()) : [];
}

/**
 * The Cookie header to replay: every cookie the login set (the auth ticket may
 * need its companions, e.g. chunks), or undefined when no auth cookie with a
 * value is among them. Cookies with empty values are deletions and are skipped.
 */
export function sessionCookieFrom(headers: Headers): string | undefined {
  const pairs: string[] = [];
  let hasAuth = false;
  for (const line of setCookieLines(headers)) {
    const first = line.split(';', 1)[0] ?? '';
    const eq = first.indexOf('=');
    if (eq <= 0) continue;
    const name = first.slice(0, eq).trim();
    const value = first.slice(eq + 1).trim();
    if (value === '') continue;
    if (AUTH_COOKIE.test(name)) hasAuth = true;
    pairs.push(`${name}=${value}`);
  }
  return hasAuth ? pairs.join('; ') : undefined;
}
