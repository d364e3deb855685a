import type { StateCreator } from 'zustand';
import type { Member, PublishedVersion } from '../../domain/shared-map/county-index.ts';
import type { DefaultDataMark } from '../../domain/shared-map/default-data-mark.ts';
import type { Proposal } from '../../domain/shared-map/proposals.ts';
import type { AppState } from '../app-store.ts';

/** Whether a document's connection is up. */
export type SharedConnection = 'connecting' | 'online' | 'offline';

/** One open shared document, as the page shows it. */
export interface SharedDocState {
  readonly label: string;
  /** What the server let this link do (null until it has said). */
  readonly access: 'write' | 'read' | null;
  readonly connection: SharedConnection;
  /** Local changes waiting for the server. */
  readonly unsynced: number;
  readonly synced: boolean;
  /** This browser refuses to keep the document (sites may not save data): changes made offline are not kept. */
  readonly notKept: boolean;
  /**
   * A county document only: the office's upload of today's records is in it, so it is the map and the default
   * data steps aside (see domain/shared-map/default-data-mark.ts). Null before, or for other documents.
   */
  readonly defaultData: DefaultDataMark | null;
}

/** Who this link speaks for (from the server). */
export interface SharedSession {
  readonly role: 'admin' | 'member' | 'participant';
  readonly county: string;
  /** The organisation's name, as the office wrote it. */
  readonly label: string;
  /** The document this link writes. */
  readonly own: string;
}

/** Something the server refused, for the page to say. */
export interface SharedNotice {
  readonly reason: string;
  readonly document: string;
  readonly at: number;
}

/** A link the office made in this session, so that it can be shown again (QR code) or revoked. */
export interface SharedInvitation {
  readonly grantId: string;
  /** A member organisation's link, or a workshop's join link (participants scan it). */
  readonly kind: 'member' | 'workshop';
  readonly label: string;
  readonly document: string;
  readonly link: string;
  readonly revoked: boolean;
}

/** The shared map: serialisable state only (the connection itself is a service, `services/shared-map`). */
export interface SharedMapSlice {
  /** 'off' without a link; 'starting' while the server is asked what the link opens. */
  readonly sharedPhase: 'off' | 'starting' | 'on' | 'failed';
  readonly sharedSession: SharedSession | null;
  readonly sharedDocs: Readonly<Record<string, SharedDocState>>;
  readonly sharedNotice: SharedNotice | null;
  readonly sharedInvitations: readonly SharedInvitation[];
  readonly sharedMembers: readonly Member[];
  readonly sharedVersions: readonly PublishedVersion[];
  /** The person's display name, stamped on each change with the organisation. */
  readonly sharedDisplayName: string;
  /** Each open workshop's proposals, by document. */
  readonly sharedProposals: Readonly<Record<string, readonly Proposal[]>>;
  /** A workshop participant's table name. */
  readonly sharedTable: string;
  /** How many of this device's own changes can be undone and redone. */
  readonly sharedUndo: { readonly undo: number; readonly redo: number };
  setSharedPhase(phase: SharedMapSlice['sharedPhase'], session?: SharedSession | null): void;
  setSharedDoc(document: string, patch: Partial<SharedDocState>): void;
  setSharedNotice(notice: SharedNotice | null): void;
  addSharedInvitation(invitation: SharedInvitation): void;
  markInvitationRevoked(grantId: string): void;
  setSharedIndex(members: readonly Member[], versions: readonly PublishedVersion[]): void;
  setSharedDisplayName(name: string): void;
  setSharedProposals(document: string, proposals: readonly Proposal[]): void;
  setSharedTable(table: string): void;
  setSharedUndo(steps: SharedMapSlice['sharedUndo']): void;
}

const NEW_DOC: SharedDocState = {
  label: '',
  access: null,
  connection: 'connecting',
  unsynced: 0,
  synced: false,
  notKept: false,
  defaultData: null,
};

export const createSharedMapSlice: StateCreator<AppState, [], [], SharedMapSlice> = (set) => ({
  sharedPhase: 'off',
  sharedSession: null,
  sharedDocs: {},
  sharedNotice: null,
  sharedInvitations: [],
  sharedMembers: [],
  sharedVersions: [],
  sharedDisplayName: '',
  sharedProposals: {},
  sharedTable: '',
  sharedUndo: { undo: 0, redo: 0 },
  setSharedPhase: (sharedPhase, session) =>
    set(session === undefined ? { sharedPhase } : { sharedPhase, sharedSession: session }),
  setSharedDoc: (document, patch) =>
    set((s) => ({
      sharedDocs: { ...s.sharedDocs, [document]: { ...(s.sharedDocs[document] ?? NEW_DOC), ...patch } },
    })),
  setSharedNotice: (sharedNotice) => set({ sharedNotice }),
  addSharedInvitation: (invitation) =>
    set((s) => ({ sharedInvitations: [...s.sharedInvitations, invitation] })),
  markInvitationRevoked: (grantId) =>
    set((s) => ({
      sharedInvitations: s.sharedInvitations.map((i) =>
        i.grantId === grantId ? { ...i, revoked: true } : i,
      ),
    })),
  setSharedIndex: (members, versions) => set({ sharedMembers: [...members], sharedVersions: [...versions] }),
  setSharedDisplayName: (sharedDisplayName) => set({ sharedDisplayName }),
  setSharedProposals: (document, proposals) =>
    set((s) => ({ sharedProposals: { ...s.sharedProposals, [document]: proposals } })),
  setSharedTable: (sharedTable) => set({ sharedTable }),
  setSharedUndo: (sharedUndo) => set({ sharedUndo }),
});
