import { randomBytes } from 'node:crypto';

export interface Session {
  user: string;
  expiresAt: number;
}

/** Login sessions keyed by cookie value; expiry is absolute from login (no sliding renewal). */
export class SessionStore {
  private readonly sessions = new Map<string, Session>();
  private readonly cookieName: '.AspNet.Cookies' | '.ASPXAUTH';
  private readonly ttlMs: number;

  constructor(cookieName: '.AspNet.Cookies' | '.ASPXAUTH', ttlMs: number) {
    this.cookieName = cookieName;
    this.ttlMs = ttlMs;
  }

  /** Starts a session; returns the Set-Cookie header value. */
  open(user: string): string {
    // OWIN cookies are long base64url tickets; forms-auth tickets are upper-case hex.
    const value = this.cookieName === '.ASPXAUTH' ? randomBytes(64).toString('hex').toUpperCase() : randomBytes(150).toString('base64url');
    this.sessions.set(value, { user, expiresAt: Date.now() + this.ttlMs });
    return `${this.cookieName}=${value}; path=/; HttpOnly`;
  }

  /** The live session behind the request's cookies, if any. */
  current(cookies: Record<string, string>): Session | undefined {
    const value = cookies[this.cookieName];
    if (value === undefined) return undefined;
    const session = this.sessions.get(value);
    if (!session) return undefined;
    if (Date.now() >= session.expiresAt) {
      this.sessions.delete(value);
      return undefined;
    }
    return session;
  }

  /** Ends the request's session; returns the Set-Cookie header that clears the cookie. */
  close(cookies: Record<string, string>): string {
    const value = cookies[this.cookieName];
    if (value !== undefined) this.sessions.delete(value);
    return `${this.cookieName}=; expires=Thu, 01-Jan-1970 00:00:00 GMT; path=/; HttpOnly`;
  }
}
