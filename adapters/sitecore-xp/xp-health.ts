import { isConduitError, type AdapterHealth, type Clock, type HttpClient } from '../../src/adapter-kit/index.ts';
import type { SscSession } from './ssc-session.ts';
import type { XpContext } from './xp-context.ts';

export const VERSION_FILE_PATH = '/sitecore/shell/sitecore.version.xml';

/**
 * The product version from `sitecore.version.xml`
 * (`<information><version><major>10</major><minor>3</minor><build>1</build><revision>…</revision>`),
 * which SSC itself does not expose. Hardened instances block the file; then
 * the version is unknown. Pure.
 */
export function parseVersionXml(xml: string): string | undefined {
  const tag = (name: string): string | undefined => new RegExp(`<${name}>\\s*([^<\\s]+)\\s*</${name}>`).exec(xml)?.[1];
  const major = tag('major');
  const minor = tag('minor');
  if (!major || !minor || !/<information[\s>]/.test(xml)) return undefined;
  const build = tag('build');
  const revision = tag('revision');
  return `${major}.${minor}${build ? `.${build}` : ''}${revision ? ` rev. ${revision}` : ''}`;
}

async function probeVersion(http: HttpClient, signal: AbortSignal): Promise<{ version?: string; note?: string }> {
  // Every status is accepted: a blocked or failing file says nothing about the CMS's health, and is not retried.
  const res = await http.request({
    method: 'GET', path: VERSION_FILE_PATH, operation: 'versionProbe', signal,
    acceptStatus: [301, 302, 400, 401, 403, 404, 405, 500, 502, 503, 504],
  });
  const version = res.status === 200 ? parseVersionXml(res.text) : undefined;
  return version ? { version } : { note: `version unknown (${VERSION_FILE_PATH} answered ${res.status}${res.status === 200 ? ' without a version' : ''})` };
}

/**
 * Reachability and auth with one cheap read (the configured root item,
 * projected to its id), then a best-effort version probe. Auth failures and
 * outages are reported as states, not thrown; only bugs escape.
 */
export async function checkHealth(ctx: XpContext, session: SscSession, http: HttpClient, clock: Clock, signal: AbortSignal): Promise<AdapterHealth> {
  const started = clock.now();
  try {
    const root = await ctx.api.getItemByPath(ctx.config.rootPath, { database: ctx.config.database, language: ctx.config.language, fields: ['ItemID'] });
    const latencyMs = clock.now() - started;
    if (!root) {
      return { ok: false, status: 'degraded', latencyMs, message: `Logged in, but ${ctx.config.rootPath} is missing or not readable by the account (SSC answers 404 for both).` };
    }
    const probe: { version?: string; note?: string } = await probeVersion(http, signal).catch((error: unknown) => {
      if (!isConduitError(error)) throw error;
      return { note: `version unknown (${error.code})` };
    });
    return {
      ok: true, status: 'reachable', latencyMs, ...(probe.version ? { version: `Sitecore ${probe.version}` } : {}),
      message: `Logged in as ${ctx.config.credentials.domain}\\${ctx.config.credentials.username} (${session.loginCount()} login(s) so far); ${probe.version ? 'version from sitecore.version.xml' : probe.note ?? ''}`,
    };
  } catch (error) {
    if (!isConduitError(error)) throw error;
    const latencyMs = clock.now() - started;
    const status = error.code === 'ADP_AUTH_FAILED' ? 'auth_failed' : 'unreachable';
    return { ok: false, status, latencyMs, message: `[${error.code}] ${error.message} ${error.hint}` };
  }
}
