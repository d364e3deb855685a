/** What a shared map's link carries in its fragment: the document it opens and the token that opens it. */
export interface SharedLink {
  readonly document: string;
  readonly token: string;
}

const TOKEN = /^[A-Za-z0-9_-]{43}$/;
const DOCUMENT = /^(county|org|workshop|index)\/[a-z0-9][a-z0-9-]{0,62}$/;

/**
 * Reads `#shared=<document>&token=<token>` (the server's invitation links). The token rides in the fragment,
 * which browsers never send to a server. Null when the fragment holds no well-formed link.
 * Example: `#shared=org%2Fassoc-a&token=AbC…` → { document: 'org/assoc-a', token: 'AbC…' }.
 */
export function parseSharedLink(hash: string): SharedLink | null {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const document = params.get('shared') ?? '';
  const token = params.get('token') ?? '';
  return DOCUMENT.test(document) && TOKEN.test(token) ? { document, token } : null;
}

/** The fragment without the link's parameters (what the address bar keeps once the link is read). */
export function withoutSharedLink(hash: string): string {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  params.delete('shared');
  params.delete('token');
  const rest = params.toString();
  return rest === '' ? '' : `#${rest}`;
}
