/**
 * The sync server's HTTP API (src/server/admin-http.ts): the token goes in an Authorization header, never in a
 * URL, so that no proxy or log sees it.
 */

/** Where the sync server is: its WebSocket and its HTTP API. */
export interface SyncEndpoint {
  readonly wsUrl: string;
  readonly httpUrl: string;
}

/** A document a link may open, and how. */
export interface GrantDocument {
  readonly name: string;
  readonly label: string;
  readonly access: 'write' | 'read' | 'propose';
}

/** What a link's holder is (GET /api/me). */
export interface GrantInfo {
  readonly grantId: string;
  readonly role: 'admin' | 'member' | 'participant';
  readonly county: string;
  readonly label: string;
  readonly own: string;
  readonly documents: readonly GrantDocument[];
}

/** A link the office handed out. */
export interface IssuedLink {
  readonly grantId: string;
  readonly document: string;
  readonly token: string;
}

/** An HTTP answer that was not a success, with the server's status (401: the link no longer works). */
export class OfficeApiError extends Error {
  constructor(readonly status: number) {
    super(`HTTP ${status}`);
  }
}

/**
 * Finds the sync server. Its HTTP API is always the page's own origin (`npm start` serves both; `npm run dev`
 * forwards /api/ to its local server). The WebSocket: `npm run dev` names its server at /__crm/sync.json;
 * otherwise it is the page's origin too.
 */
export async function findSyncEndpoint(base = document.baseURI): Promise<SyncEndpoint> {
  const http = new URL('./', base);
  http.hash = '';
  http.search = '';
  let wsUrl = http.href.replace(/^http/, 'ws');
  try {
    const response = await fetch(new URL('__crm/sync.json', base));
    if (response.ok && response.headers.get('content-type')?.includes('json')) {
      const body = (await response.json()) as { url?: unknown };
      if (typeof body.url === 'string') wsUrl = body.url;
    }
  } catch {
    // No dev server: the page's own origin.
  }
  return { httpUrl: http.href, wsUrl };
}

async function call<T>(endpoint: SyncEndpoint, token: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(new URL(path, endpoint.httpUrl), {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  if (!response.ok) throw new OfficeApiError(response.status);
  return (await response.json()) as T;
}

/** What this link may open. */
export function fetchGrant(endpoint: SyncEndpoint, token: string): Promise<GrantInfo> {
  return call(endpoint, token, 'api/me');
}

/** Invites a member organisation (office links only). */
export function inviteMember(
  endpoint: SyncEndpoint,
  token: string,
  member: { readonly id: string; readonly name: string; readonly kind: string },
): Promise<IssuedLink> {
  return call(endpoint, token, 'api/invite', { role: 'member', ...member });
}

/** Opens a workshop: its document and the link participants scan (office links only). */
export function inviteWorkshop(
  endpoint: SyncEndpoint,
  token: string,
  workshop: { readonly id: string; readonly name: string },
): Promise<IssuedLink> {
  return call(endpoint, token, 'api/invite', { role: 'participant', ...workshop });
}

/** Revokes a link; the server closes its connections. */
export async function revokeLink(endpoint: SyncEndpoint, token: string, grantId: string): Promise<void> {
  await call(endpoint, token, 'api/revoke', { grantId });
}

/** Publishes the county's public records for residents. */
export function publishMap(
  endpoint: SyncEndpoint,
  token: string,
): Promise<{ version: number; recordCount: number }> {
  return call(endpoint, token, 'api/publish', {});
}
