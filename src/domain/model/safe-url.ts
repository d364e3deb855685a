/** Letters before a colon that is not a port: `example.org:8080` has no scheme, `javascript:` has one. */
const SCHEME = /^[a-z][a-z\d+.-]*:(?!\d+(?:[/?#]|$))/i;
/** A domain name with a letter TLD (example.org, 社會處.臺灣), optional port, then a path or the end. */
const BARE_DOMAIN = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}(?::\d+)?(?:[/?#]|$)/u;

/**
 * Returns the URL when it is http(s), else null: data never gets to run `javascript:` links. A bare domain
 * (www.example.org) gets https://; text that is not a domain (無, -, N/A) is not turned into a link.
 */
export function safeHttpUrl(raw: string): string | null {
  const text = raw.trim();
  if (text === '') return null;
  const hasScheme = SCHEME.test(text);
  if (!hasScheme && !BARE_DOMAIN.test(text)) return null;
  try {
    const url = new URL(hasScheme ? text : `https://${text}`);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}
