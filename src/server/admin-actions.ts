import { randomUUID } from 'node:crypto';
import { MEMBER_KINDS, type MemberKind } from '../domain/shared-map/county-index.ts';
import { docName, isDocId } from '../domain/shared-map/schema.ts';
import type { Grant } from './permissions.ts';
import type { SyncStore } from './sqlite-store.ts';
import { hashToken, newToken } from './tokens.ts';

/** A new link: the token (shown once, never stored) and what it opens. */
export interface Invitation {
  readonly token: string;
  readonly grantId: string;
  readonly document: string;
  /** The link to hand out: the token travels in the fragment, which browsers never send to a server. */
  readonly link: string;
}

/** What an office asks for when it invites. */
export type InviteRequest =
  | { readonly role: 'member'; readonly id: string; readonly name: string; readonly kind: MemberKind }
  | { readonly role: 'participant'; readonly id: string; readonly name: string }
  | { readonly role: 'admin'; readonly name: string };

/** A link to a shared document: the token travels in the fragment, which browsers never send to a server. */
export function shareLink(base: string, document: string, token: string): string {
  return `${base}#shared=${encodeURIComponent(document)}&token=${token}`;
}

/** Thrown for a request the office must correct (the HTTP API answers 400 with the message). */
export class AdminRequestError extends Error {}

/** The office's actions on the store; the HTTP API and the command line both call these. */
export class AdminActions {
  constructor(
    private readonly store: SyncStore,
    private readonly publicUrl: () => string,
  ) {}

  /** Creates a county's shared map (its county and index documents) and its first office link. */
  createMap(county: string, name: string): Invitation {
    if (!isDocId(county)) throw new AdminRequestError('county id: lower-case letters, digits and hyphens');
    this.store.registerDocument(docName('county', county), county, name);
    this.store.registerDocument(docName('index', county), county, name);
    return this.grant(
      { id: randomUUID(), county, role: 'admin', subject: county, label: name },
      docName('county', county),
    );
  }

  /** Invites a member organisation, a workshop's participants, or another office device. */
  invite(county: string, request: InviteRequest): Invitation {
    const label = request.name.trim().slice(0, 100);
    if (label === '') throw new AdminRequestError('name is required');
    if (request.role === 'admin') {
      return this.grant(
        { id: randomUUID(), county, role: 'admin', subject: county, label },
        docName('county', county),
      );
    }
    if (!isDocId(request.id)) throw new AdminRequestError('id: lower-case letters, digits and hyphens');
    const kind = request.role === 'member' ? 'org' : 'workshop';
    const document = docName(kind, request.id);
    const owner = this.store.ownerCounty(document);
    if (owner !== null && owner !== county) throw new AdminRequestError('that id belongs to another county');
    if (request.role === 'member' && !MEMBER_KINDS.includes(request.kind)) {
      throw new AdminRequestError(`kind: one of ${MEMBER_KINDS.join(', ')}`);
    }
    this.store.registerDocument(
      document,
      county,
      label,
      request.role === 'member' ? request.kind : 'workshop',
    );
    return this.grant({ id: randomUUID(), county, role: request.role, subject: request.id, label }, document);
  }

  /** Revokes a link by its grant id (the server closes its connections). */
  revoke(county: string, grantId: string): boolean {
    return this.store.revokeGrant(grantId, county);
  }

  private grant(grant: Grant, document: string): Invitation {
    const token = newToken();
    this.store.addGrant(grant, hashToken(token));
    const link = shareLink(this.publicUrl(), document, token);
    return { token, grantId: grant.id, document, link };
  }
}
