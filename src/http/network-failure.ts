/** undici reports "fetch failed" with the system error (ECONNREFUSED, UND_ERR_SOCKET...) as its cause. */
export function networkCode(cause: unknown): string {
  const inner = cause instanceof Error ? cause.cause : undefined;
  const code = inner instanceof Error && 'code' in inner && typeof inner.code === 'string' ? inner.code : undefined;
  // OpenSSL alert codes can hold a slash (ERR_SSL_SSL/TLS_ALERT_HANDSHAKE_FAILURE).
  return code !== undefined && /^[A-Z][A-Z0-9_/]*$/.test(code) ? code : 'network error';
}

/**
 * What a network error most likely means for the CMS at `url`, as the hint of
 * its ADP_UNAVAILABLE; undefined when the code says nothing more than the
 * generic hint does.
 */
export function networkFailureHint(code: string, url: URL): string | undefined {
  const proxy = 'or the CMS is reachable only through a proxy (network.proxyFromEnv, see DEPLOYMENT.md)';
  switch (code) {
    case 'ECONNREFUSED':
      return `Nothing accepts connections at ${url.host}: check the host and port in the adapter url, and that the CMS is running.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `The host name ${url.hostname} does not resolve here: check the adapter url and this host's DNS, ${proxy}.`;
    case 'ETIMEDOUT':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${url.host} does not answer connections from here: a firewall or VPN may be in the way, ${proxy}.`;
    case 'UND_ERR_SOCKET':
    case 'ECONNRESET':
      // The usual cause with http://: the port speaks TLS and drops a plain-text request.
      // With https://, a server that requires a client certificate closes the connection after the TLS 1.3
      // handshake without an alert the client can see: this is the only sign of it.
      return url.protocol === 'http:'
        ? `${url.host} closed the connection without answering: if that port serves HTTPS, use https:// in the adapter url.`
        : `${url.host} closed the connection without answering. If the CMS, or a gateway in front of it, requires a client certificate `
          + '(mutual TLS), set tls.certFile and tls.keyFile on the adapter, with a certificate from a CA it trusts.';
    default:
      return undefined;
  }
}
