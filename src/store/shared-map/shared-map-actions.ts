import { parseSharedLink, type SharedLink, withoutSharedLink } from '../../domain/link/shared-link.ts';
import type { Resource } from '../../domain/model/resource.ts';
import { buildDataset, type Dataset, EMPTY_DATASET } from '../../domain/query/dataset.ts';
import { putRecord, removeRecord } from '../../domain/query/dataset-change.ts';
import type { MemberKind } from '../../domain/shared-map/county-index.ts';
import type { Proposal } from '../../domain/shared-map/proposals.ts';
import type { RecordChanges } from '../../domain/shared-map/record-changes.ts';
import type { HistoryEntry } from '../../domain/shared-map/record-history.ts';
import type { ChangeStamp } from '../../domain/shared-map/schema.ts';
import {
  fetchGrant,
  findSyncEndpoint,
  type GrantInfo,
  inviteMember,
  inviteWorkshop,
  OfficeApiError,
  publishMap,
  revokeLink,
  type SyncEndpoint,
} from '../../services/shared-map/office-api.ts';
import { SharedMapClient, type SharedMapListener } from '../../services/shared-map/shared-map-client.ts';
import { forgetLocalCopies } from '../../services/shared-map/shared-map-storage.ts';
import { type AppState, useAppStore } from '../app-store.ts';
import { forgetSavedLink, readSavedLink, saveLink } from './saved-link.ts';
import { contextSourceFor } from './shared-map-context.ts';
import { localRecords, sharedDocumentOf } from './shared-map-derived.ts';

/** The running connection (a service, not state): one per page. */
let running: { client: SharedMapClient; endpoint: SyncEndpoint; link: SharedLink } | null = null;

const state = () => useAppStore.getState();

/**
 * Opens the shared map the address's fragment names (`#shared=…&token=…`), or the one this browser opened
 * before. The fragment is removed from the address bar at once, so the token is not shared on with the view.
 * Nothing happens without a link: residents never reach the server.
 */
export async function startSharedMap(options: { persist?: boolean } = {}): Promise<void> {
  if (running || state().sharedPhase !== 'off') return;
  const fromAddress = parseSharedLink(window.location.hash);
  if (fromAddress) {
    const rest = withoutSharedLink(window.location.hash);
    window.history.replaceState(
      window.history.state,
      '',
      `${window.location.pathname}${window.location.search}${rest}`,
    );
  }
  const saved = readSavedLink();
  const link = fromAddress ?? saved?.link ?? null;
  if (!link) return;
  state().setSharedPhase('starting');
  const endpoint = await findSyncEndpoint();
  let grant: GrantInfo | null = null;
  try {
    grant = await fetchGrant(endpoint, link.token);
  } catch (error) {
    // Offline: the grant this browser saw last time; a refused link: say so and forget it.
    if (error instanceof OfficeApiError) {
      // Revoked (or never valid): what it opened on this device before goes with it.
      forgetSavedLink();
      await forgetLocalCopies(saved?.link.token === link.token ? documentNames(saved.grant) : []);
      state().setSharedPhase('failed');
      state().setSharedNotice({ reason: 'invalid-token', document: link.document, at: Date.now() });
      return;
    }
    grant = saved?.link.token === link.token ? saved.grant : null;
  }
  if (!grant) {
    state().setSharedPhase('failed');
    state().setSharedNotice({ reason: 'unreachable', document: link.document, at: Date.now() });
    return;
  }
  saveLink({ version: 1, link, grant });
  const client = new SharedMapClient({
    wsUrl: endpoint.wsUrl,
    token: link.token,
    context: await contextSourceFor(),
    listener,
    persist: options.persist ?? typeof indexedDB !== 'undefined',
  });
  running = { client, endpoint, link };
  state().setSharedPhase('on', {
    role: grant.role,
    county: grant.county,
    label: grant.label,
    own: grant.own,
  });
  if (state().sharedDisplayName === '') state().setSharedDisplayName(grant.label);
  for (const d of documentsToOpen(grant)) {
    state().setSharedDoc(d.name, { label: d.label });
    client.open(d.name);
  }
}

/** Closes the connection (tests; leaving a shared map). */
export function stopSharedMap(forget = false): void {
  running?.client.stop(forget);
  running = null;
  if (forget) forgetSavedLink();
}

/**
 * The server closed this link as revoked (or no longer knows its token): the client has stopped and deleted its
 * copies of the documents (IndexedDB); the saved link and token go too, and the shared records leave the map.
 */
function forgetRevokedLink(): void {
  forgetSavedLink();
  running = null;
  const s = state();
  for (const layer of s.layers) {
    if (layer.kind === 'shared' || layer.kind === 'proposals') s.removeLayer(layer.id);
  }
  if (s.sharedPhase === 'on') s.setSharedPhase('failed', null);
}

/** The names of the documents a grant opened (none when unknown). */
function documentNames(grant: GrantInfo | null): string[] {
  return grant ? grant.documents.map((d) => d.name) : [];
}

/** The documents a link opens (the server lists what it may see): its own first. */
function documentsToOpen(grant: GrantInfo) {
  return [...grant.documents].sort((a, b) => (a.name === grant.own ? -1 : b.name === grant.own ? 1 : 0));
}

const listener: SharedMapListener = {
  records: (document, change) => applyRecords(document, change),
  status: (document, status) => state().setSharedDoc(document, status),
  refused: (document, reason) => {
    state().setSharedNotice({ reason, document, at: Date.now() });
    if (reason === 'token-revoked' || reason === 'invalid-token') forgetRevokedLink();
  },
  defaultData: (document, mark) => state().setSharedDoc(document, { defaultData: mark }),
  index: (_document, index) => {
    state().setSharedIndex(index.members, index.versions);
    // A member invited after this page opened: its document is opened too (the server decides whether it may).
    for (const member of index.members) {
      if (state().sharedDocs[member.document]) continue;
      state().setSharedDoc(member.document, { label: member.name });
      running?.client.open(member.document);
    }
  },
  proposals: (document, proposals) => applyProposals(document, proposals),
  undo: (steps) => state().setSharedUndo(steps),
};

/** A workshop's proposals into the store, and the pending ones onto the map (a layer of their own). */
function applyProposals(document: string, proposals: readonly Proposal[]): void {
  const s = state();
  s.setSharedProposals(document, proposals);
  const pending = proposals.flatMap((p) => (p.status === 'pending' && p.resource ? [p.resource] : []));
  const id = `proposals:${document}`;
  const layer = s.layers.find((l) => l.id === id);
  if (!layer && pending.length === 0) return;
  const config = s.manifest ?? { categories: [], serviceTags: [] };
  s.putLayer({
    id,
    kind: 'proposals',
    label: s.sharedDocs[document]?.label ?? document,
    dataset: buildDataset(pending, config),
  });
}

/** A document's records into its layer: the few that changed one by one, or all of them indexed afresh. */
function applyRecords(document: string, change: { readonly all: Resource[] } | RecordChanges): void {
  const s = state();
  const config = s.manifest ?? { categories: [], serviceTags: [] };
  const layer = s.layers.find((l) => l.id === document);
  let dataset: Dataset;
  if ('all' in change) dataset = buildDataset(change.all, config);
  else {
    dataset = layer?.dataset ?? EMPTY_DATASET;
    for (const record of change.put) dataset = putRecord(dataset, record, config);
    for (const id of change.removed) dataset = removeRecord(dataset, id);
  }
  if (layer?.dataset === dataset) return;
  s.putLayer({ id: document, kind: 'shared', label: s.sharedDocs[document]?.label ?? document, dataset });
}

/** Who is changing something now: the organisation and the person's display name. */
function stampNow(s: AppState): ChangeStamp {
  const org = s.sharedSession?.label ?? '';
  return { org, name: s.sharedDisplayName.trim() || org, at: new Date().toISOString() };
}

/** Saves a corrected record into the document it came from (the server refuses it where the link only reads). */
export function saveSharedRecord(resource: Resource): void {
  const s = state();
  const document = sharedDocumentOf(s, resource.id) ?? s.sharedSession?.own;
  if (running && document) running.client.write(document, resource, stampNow(s));
}

/** Adds a new record to this link's own document. */
export function addSharedRecord(resource: Resource): void {
  const s = state();
  if (running && s.sharedSession) running.client.write(s.sharedSession.own, resource, stampNow(s));
}

/**
 * A shared record's versions (who, when, what), oldest first; empty when it is not part of a shared map. They are
 * read in the shared map's worker, where the documents are.
 */
export async function sharedRecordHistory(id: string): Promise<HistoryEntry[]> {
  const document = sharedDocumentOf(state(), id);
  return running && document ? running.client.history(document, id) : [];
}

/** Puts an older version of a record back; the restore is a version of its own. */
export function restoreSharedVersion(version: HistoryEntry): void {
  const s = state();
  const document = sharedDocumentOf(s, version.id) ?? s.sharedSession?.own;
  if (running && document) running.client.restore(document, version, stampNow(s));
}

/** Takes back this device's last own change to the shared map (a peer's changes are never undone). */
export function undoSharedChange(): void {
  running?.client.undo(stampNow(state()));
}

/** Makes the last undone change again. */
export function redoSharedChange(): void {
  running?.client.redo(stampNow(state()));
}

/** Deletes a record from its document (it stays in the history). */
export function deleteSharedRecord(id: string): void {
  const s = state();
  const document = sharedDocumentOf(s, id);
  if (running && document) running.client.remove(document, id, stampNow(s));
}

/**
 * The office's first step: today's records — the default data, imports and local edits, as on show — go into
 * the county's document, which from then on is the map (the default data steps aside on every device). A record
 * the document already holds (added, corrected or approved before the upload) is kept as it is there.
 */
export function uploadRecordsOnShow(): number {
  const s = state();
  if (!running || s.sharedSession?.role !== 'admin') return 0;
  const own = s.sharedSession.own;
  const held = new Set(s.layers.find((l) => l.id === own)?.dataset.resources.map((r) => r.id));
  const records = localRecords(s).filter((r) => !held.has(r.id));
  running.client.uploadDefaultData(own, records, stampNow(s));
  return records.length;
}

/** Invites a member organisation: a new document and its link (shown once, kept in this session). */
export async function inviteOrganisation(name: string, kind: MemberKind): Promise<void> {
  const s = state();
  if (!running || s.sharedSession?.role !== 'admin') return;
  const id = `org-${crypto.randomUUID().slice(0, 8)}`;
  const issued = await inviteMember(running.endpoint, running.link.token, { id, name, kind });
  state().addSharedInvitation({
    grantId: issued.grantId,
    kind: 'member',
    label: name,
    document: issued.document,
    link: linkOnThisPage(issued),
    revoked: false,
  });
  // The office sees the new member's document as it fills.
  state().setSharedDoc(issued.document, { label: name });
  running.client.open(issued.document);
}

/** Opens a workshop: its document (the office sees proposals arrive) and the join link for its QR code. */
export async function openWorkshop(name: string): Promise<void> {
  const s = state();
  if (!running || s.sharedSession?.role !== 'admin') return;
  const id = `ws-${crypto.randomUUID().slice(0, 8)}`;
  const issued = await inviteWorkshop(running.endpoint, running.link.token, { id, name });
  state().addSharedInvitation({
    grantId: issued.grantId,
    kind: 'workshop',
    label: name,
    document: issued.document,
    link: linkOnThisPage(issued),
    revoked: false,
  });
  state().setSharedDoc(issued.document, { label: name });
  running.client.open(issued.document);
}

/** A workshop table adds a proposal (a new record, or a correction of one by its id). */
export function proposeRecord(resource: Resource): void {
  const s = state();
  if (running && s.sharedSession)
    running.client.propose(s.sharedSession.own, resource, s.sharedTable.trim() || '—');
}

/** The facilitator approves a proposal (its record goes into the county's document) or rejects it. */
export function decideSharedProposal(document: string, proposal: Proposal, approve: boolean): void {
  const s = state();
  if (!running || s.sharedSession?.role !== 'admin') return;
  if (approve && proposal.resource) running.client.write(s.sharedSession.own, proposal.resource, stampNow(s));
  running.client.decide(document, proposal.id, approve ? 'approved' : 'rejected');
}

/** Revokes a link the office made; the server closes its connections within seconds. */
export async function revokeInvitation(grantId: string): Promise<void> {
  if (!running) return;
  await revokeLink(running.endpoint, running.link.token, grantId);
  state().markInvitationRevoked(grantId);
}

/** Publishes the county's public records for residents (the server lists the version in the county index). */
export async function publishSharedMap(): Promise<{ version: number; recordCount: number } | null> {
  const s = state();
  if (!running || s.sharedSession?.role !== 'admin') return null;
  return publishMap(running.endpoint, running.link.token);
}

/** An invitation as a link to this page (the address people opened, which may differ from the server's). */
function linkOnThisPage(issued: { readonly document: string; readonly token: string }): string {
  const page = new URL(window.location.href);
  page.search = '';
  page.hash = `shared=${encodeURIComponent(issued.document)}&token=${issued.token}`;
  return page.href;
}
