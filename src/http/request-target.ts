import { ConduitError } from '../core/conduit-error.ts';
import type { HttpRequest } from '../adapter-kit/http-types.ts';

/** Parses an adapter's base URL once; a bad one is a config error naming the key. */
export function parseBaseUrl(adapterName: string, baseUrl: string): URL {
  if (!URL.canParse(baseUrl)) {
    throw new ConduitError('CFG_INVALID_VALUE', `adapters.${adapterName}.url is not a valid URL.`, {
      hint: `Set adapters.${adapterName}.url to the CMS base URL, e.g. https://cms.example.com.`,
    });
  }
  const url = new URL(baseUrl);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new ConduitError('CFG_INVALID_VALUE', `adapters.${adapterName}.url must be an http or https URL.`);
  }
  url.search = '';
  url.hash = '';
  return url;
}

/**
 * The URL one request goes to. A relative path is joined under the base URL's
 * own path (https://host/base + /api/x → https://host/base/api/x); an absolute
 * URL must stay on the base origin, so credentials never leave for another host.
 */
export function buildRequestUrl(adapterName: string, base: URL, path: string, query?: HttpRequest['query']): URL {
  const url = /^[a-z][a-z\d+.-]*:/i.test(path) ? absoluteOnOrigin(adapterName, base, path) : joinPath(base, path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.append(key, String(value));
  }
  return url;
}

function joinPath(base: URL, path: string): URL {
  const url = new URL(base.href);
  const [pathPart = '', queryPart] = splitOnce(path, '?');
  const basePath = url.pathname.replace(/\/+$/, '');
  const rest = pathPart === '' ? '' : pathPart.startsWith('/') ? pathPart : `/${pathPart}`;
  url.pathname = `${basePath}${rest}` || '/';
  if (queryPart !== undefined) url.search = queryPart;
  return url;
}

function absoluteOnOrigin(adapterName: string, base: URL, path: string): URL {
  const url = URL.canParse(path) ? new URL(path) : undefined;
  if (url === undefined || url.origin !== base.origin) {
    throw new ConduitError('INTERNAL', `Adapter "${adapterName}" tried to send a request outside its CMS origin ${base.origin}; it was refused.`);
  }
  return url;
}

function splitOnce(value: string, separator: string): [string, string | undefined] {
  const at = value.indexOf(separator);
  return at === -1 ? [value, undefined] : [value.slice(0, at), value.slice(at + 1)];
}
