/**
 * A `?data=https://…` link: a file anyone can publish, shown on the map beside the official data. What the
 * link asks for, whose host it comes from, whether the manifest trusts that host, and how big it may be.
 */

/** The URL parameter that names a file to load (`?data=https://…`). */
export const DATA_LINK_PARAM = 'data';

/**
 * The most a link's file may weigh, counted as it downloads (20 MB, about 100,000 rows of CSV): a link is
 * followed by residents on phones, and a bigger file would stall or crash their tab before any import limit
 * could look at it.
 */
export const DATA_LINK_MAX_BYTES = 20 * 1024 * 1024;

/** What the address bar's `data` parameter asks for. */
export type DataLinkRequest =
  | { readonly kind: 'none' }
  | { readonly kind: 'link'; readonly url: string; readonly host: string }
  | {
      readonly kind: 'refused';
      readonly raw: string;
      /** Not http(s) (javascript:, data:, a bare path), or carrying a user name or password. */
      readonly reason: 'url-not-http' | 'url-has-credentials';
    };

/**
 * Reads `?data=` from a query string. Only absolute http(s) URLs are links; one with a user name or password
 * (`https://data.chiayi.gov.tw@evil.example/`, whose host is evil.example) is refused, since the part before
 * the @ reads like a host to a person.
 */
export function readDataLink(search: string): DataLinkRequest {
  const raw = new URLSearchParams(search).get(DATA_LINK_PARAM);
  if (raw === null || raw.trim() === '') return { kind: 'none' };
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return { kind: 'refused', raw, reason: 'url-not-http' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return { kind: 'refused', raw, reason: 'url-not-http' };
  if (url.username !== '' || url.password !== '')
    return { kind: 'refused', raw, reason: 'url-has-credentials' };
  return { kind: 'link', url: url.href, host: url.host };
}

/**
 * The host a link's file comes from, as a person should read it: the URL parser's (lower case, internationalised
 * names in their xn-- form, so that a look-alike letter cannot pass for a Latin one), with a port when one is
 * given. The text itself when it is not a URL.
 */
export function dataLinkHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** A query string without `data` (the other parameters kept in their order). */
export function withoutDataLink(search: string): string {
  const params = new URLSearchParams(search);
  params.delete(DATA_LINK_PARAM);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/**
 * One entry of the manifest's `trustedDataHosts` as the origin it trusts, or null when it is not a host:
 * `data.chiayi.gov.tw` → `https://data.chiayi.gov.tw` (a host alone means https), `opendata.example.org:8443` →
 * `https://opendata.example.org:8443`, `http://10.0.0.5:8080` → itself (plain http only when written out, since
 * anyone on the network path could change such a file). No wildcards and no paths: a subdomain or another port
 * is another party.
 */
export function trustedOrigin(entry: string): string | null {
  const text = entry.trim();
  if (text === '' || /[\s*]/.test(text)) return null;
  const withScheme = /^[a-z][a-z\d+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  if (url.pathname !== '/') return null;
  return url.origin;
}

/**
 * Reads the manifest's `trustedDataHosts` (optional) into origins; each entry that is not a host adds a problem,
 * so an office finds a typo before a link it meant to trust asks every visitor.
 */
export function parseTrustedDataHosts(value: unknown, problems: string[]): readonly string[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push('trustedDataHosts must be a list of hosts, e.g. ["data.chiayi.gov.tw"]');
    return [];
  }
  const origins: string[] = [];
  value.forEach((entry, i) => {
    const origin = typeof entry === 'string' ? trustedOrigin(entry) : null;
    if (origin === null)
      problems.push(`trustedDataHosts[${i}] must be a host such as data.chiayi.gov.tw (no path, no *)`);
    else if (!origins.includes(origin)) origins.push(origin);
  });
  return origins;
}

/**
 * Whether a link's file comes from an origin the manifest trusts (then it loads without asking, and is still
 * marked as coming from a link). Compared as origins: scheme, host and port must all match.
 */
export function isTrustedDataLink(url: string, trustedOrigins: readonly string[]): boolean {
  try {
    return trustedOrigins.includes(new URL(url).origin);
  } catch {
    return false;
  }
}

/** The size limit as a person reads it (20 MB). */
export function formatByteLimit(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return mb >= 1 ? `${Number.isInteger(mb) ? mb : mb.toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;
}
