import type { SharedDocName } from '../domain/shared-map/schema.ts';

/**
 * Who a token speaks for. `admin`: the county office; `member`: one member organisation (`subject` is its
 * id); `participant`: a workshop table (`subject` is the workshop's id).
 */
export interface Grant {
  readonly id: string;
  readonly county: string;
  readonly role: 'admin' | 'member' | 'participant';
  readonly subject: string;
  readonly label: string;
}

/** What a connection may do with one document. */
export type Access = 'write' | 'read' | 'propose';

/**
 * The one place where permissions are decided. `ownerCounty` is the county the document belongs to (the
 * server looks up members and workshops; null when it does not know the document). Returns null to refuse.
 *
 * - county office: writes its county's documents, every member's and every workshop's;
 * - member organisation: writes its own document, reads the county's, the index and the other members';
 * - workshop participant: adds proposals to its workshop, nothing else.
 */
export function decideAccess(grant: Grant, doc: SharedDocName, ownerCounty: string | null): Access | null {
  if (ownerCounty !== grant.county) return null;
  switch (grant.role) {
    case 'admin':
      return 'write';
    case 'member':
      if (doc.kind === 'org') return doc.id === grant.subject ? 'write' : 'read';
      return doc.kind === 'county' || doc.kind === 'index' ? 'read' : null;
    case 'participant':
      return doc.kind === 'workshop' && doc.id === grant.subject ? 'propose' : null;
  }
}
