import type { IncomingMessage, ServerResponse } from 'node:http';
import { docName, parseDocName } from '../domain/shared-map/schema.ts';
import { type AdminActions, AdminRequestError, type InviteRequest } from './admin-actions.ts';
import { decideAccess, type Grant } from './permissions.ts';
import type { SyncStore } from './sqlite-store.ts';
import { hashToken, looksLikeToken } from './tokens.ts';

const MAX_BODY = 64 * 1024;

/** What the HTTP API needs from the server around it. */
export interface AdminHttpDeps {
  readonly store: SyncStore;
  readonly actions: AdminActions;
  readonly publish: (
    county: string,
    by: string,
  ) => Promise<{ version: number; recordCount: number; at: string }>;
  /** Closes a revoked grant's connections at once (other processes see it within their poll). */
  readonly closeGrant: (grantId: string) => void;
  /** Lists a newly invited member in the county's open index document. */
  readonly relistMembers: (county: string) => void;
  readonly log: (event: Record<string, unknown>) => void;
}

/**
 * The office's HTTP API, under /api/, with `Authorization: Bearer <token>` (never in the URL, so proxies do not
 * log it): GET /api/me (what a link may open), POST /api/invite, /api/revoke, /api/publish (county office only).
 * GET /published/<county>.csv serves the newest published version to anyone. Returns false for other paths.
 */
export async function handleAdminRequest(req: IncomingMessage, res: ServerResponse, deps: AdminHttpDeps) {
  const url = new URL(req.url ?? '/', 'http://local');
  const published = /^\/published\/([a-z0-9-]+)\.csv$/.exec(url.pathname);
  if (published && req.method === 'GET') {
    const row = deps.store.latestPublished(published[1] as string);
    if (!row) return send(res, 404, { error: 'nothing published' });
    res.writeHead(200, {
      'content-type': 'text/csv; charset=utf-8',
      'x-published-version': String(row.version),
    });
    res.end(Buffer.from(row.csv));
    return true;
  }
  if (!url.pathname.startsWith('/api/')) return false;
  const header = req.headers.authorization ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const grant = looksLikeToken(token) ? deps.store.grantByTokenHash(hashToken(token)) : null;
  if (!grant) return send(res, 401, { error: 'invalid-token' });
  try {
    if (req.method === 'GET' && url.pathname === '/api/me')
      return send(res, 200, describeGrant(grant, deps.store));
    if (req.method !== 'POST') return send(res, 405, { error: 'method' });
    if (grant.role !== 'admin') return send(res, 403, { error: 'forbidden' });
    const body = await readJson(req);
    switch (url.pathname) {
      case '/api/invite': {
        const invitation = deps.actions.invite(grant.county, body as InviteRequest);
        deps.relistMembers(grant.county);
        return send(res, 200, invitation);
      }
      case '/api/revoke': {
        const grantId = String((body as { grantId?: unknown }).grantId ?? '');
        const revoked = deps.actions.revoke(grant.county, grantId);
        if (revoked) deps.closeGrant(grantId);
        deps.log({ event: 'revoke', by: grant.id, grantId, revoked });
        return send(res, revoked ? 200 : 404, { revoked });
      }
      case '/api/publish': {
        const { version, recordCount, at } = await deps.publish(grant.county, grant.label);
        return send(res, 200, { version, recordCount, at });
      }
      default:
        return send(res, 404, { error: 'not found' });
    }
  } catch (error) {
    if (error instanceof AdminRequestError || error instanceof SyntaxError) {
      return send(res, 400, { error: error.message });
    }
    deps.log({ event: 'admin-error', path: url.pathname, message: String(error) });
    return send(res, 500, { error: 'server error' });
  }
}

/** What a link's holder is and which documents it may open, with what access. */
function describeGrant(grant: Grant, store: SyncStore) {
  const documents = store.documentsOf(grant.county).flatMap(({ name, label }) => {
    const parsed = parseDocName(name);
    const access = parsed ? decideAccess(grant, parsed, grant.county) : null;
    return access ? [{ name, label, access }] : [];
  });
  const own =
    grant.role === 'admin'
      ? docName('county', grant.county)
      : docName(grant.role === 'member' ? 'org' : 'workshop', grant.subject);
  return { grantId: grant.id, role: grant.role, county: grant.county, label: grant.label, own, documents };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) throw new AdminRequestError('request too large');
    chunks.push(chunk as Buffer);
  }
  const value: unknown = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
  if (!value || typeof value !== 'object') throw new AdminRequestError('expected a JSON object');
  return value;
}

function send(res: ServerResponse, status: number, body: unknown): true {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(JSON.stringify(body));
  return true;
}
