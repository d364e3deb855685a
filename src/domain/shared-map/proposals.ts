import * as Y from 'yjs';
import type { BuildContext } from '../loading/build-resource.ts';
import { buildResource } from '../loading/build-resource.ts';
import type { Resource } from '../model/resource.ts';
import { fieldsToRawRecord, plainFields, resourceToFields } from './record-fields.ts';
import { ROOTS } from './schema.ts';

/** Where a proposal stands: the facilitator approves (it moves into an owner's document) or rejects it. */
export type ProposalStatus = 'pending' | 'approved' | 'rejected';

/** A workshop table's addition or change, as the projector and the facilitator see it. */
export interface Proposal {
  readonly id: string;
  readonly table: string;
  readonly status: ProposalStatus;
  readonly proposedAt: string;
  /** The record through the import's validation; null when it does not pass (e.g. no name). */
  readonly resource: Resource | null;
}

/** The longest table name a participant may give. */
export const MAX_TABLE_NAME = 40;
const STATUSES: ReadonlySet<string> = new Set(['pending', 'approved', 'rejected']);

/** Adds a table's proposal (a new record or an edited copy of one, by its id) to a workshop document. */
export function addProposal(
  doc: Y.Doc,
  proposalId: string,
  resource: Resource,
  table: string,
  at: string,
): void {
  const proposal = new Y.Map<string>();
  for (const [key, value] of Object.entries(resourceToFields(resource))) proposal.set(key, value);
  proposal.set('table', table.trim().slice(0, MAX_TABLE_NAME));
  proposal.set('status', 'pending');
  proposal.set('proposedAt', at);
  doc.getMap(ROOTS.proposals).set(proposalId, proposal);
}

/** Every proposal of a workshop, in the order they were made, each record validated as an import. */
export function readProposals(doc: Y.Doc, ctx: BuildContext): Proposal[] {
  const proposals: Proposal[] = [];
  let row = 0;
  for (const [id, value] of doc.getMap(ROOTS.proposals).entries()) {
    row += 1;
    if (!(value instanceof Y.Map)) continue;
    const get = (key: string) => {
      const v = value.get(key);
      return typeof v === 'string' ? v : '';
    };
    const status = STATUSES.has(get('status')) ? (get('status') as ProposalStatus) : 'pending';
    const built = buildResource(fieldsToRawRecord(plainFields(value.entries()), row), ctx);
    proposals.push({
      id,
      table: get('table').slice(0, MAX_TABLE_NAME),
      status,
      proposedAt: get('proposedAt'),
      resource: built.resource,
    });
  }
  return proposals.sort((a, b) => (a.proposedAt < b.proposedAt ? -1 : a.proposedAt > b.proposedAt ? 1 : 0));
}

/** How many proposals each table has made (for the projector's live count). */
export function proposalCountByTable(proposals: readonly Proposal[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const p of proposals) counts.set(p.table, (counts.get(p.table) ?? 0) + 1);
  return counts;
}

/** A workshop table as the projector marks it: its letter and colour slot, and how many proposals it made. */
export interface TableMark {
  readonly table: string;
  /** A, B, C… (then AA, AB…): the table's letter on its markers, so colour is never the only sign. */
  readonly letter: string;
  /** The table's place in the order tables first proposed: the same on every screen, never shared by two. */
  readonly slot: number;
  readonly count: number;
}

/**
 * The tables of a workshop in the order they first proposed (proposals are read oldest first), each with its
 * letter, colour slot and live count. Every screen reads the same proposals, so every screen gives a table the
 * same letter and colour; two tables never share one (a hash of the name could).
 */
export function tableMarks(proposals: readonly Proposal[]): TableMark[] {
  const marks: TableMark[] = [];
  for (const [table, count] of proposalCountByTable(proposals)) {
    const slot = marks.length;
    marks.push({ table, letter: tableLetter(slot), slot, count });
  }
  return marks;
}

/** A, B, … Z, AA, AB, … for slots 0, 1, … */
function tableLetter(slot: number): string {
  let letter = '';
  for (let n = slot + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  }
  return letter;
}

/** Marks a proposal approved or rejected (the caller writes an approved record into its owner's document). */
export function decideProposal(doc: Y.Doc, proposalId: string, status: 'approved' | 'rejected'): void {
  const proposal = doc.getMap(ROOTS.proposals).get(proposalId);
  if (proposal instanceof Y.Map) proposal.set('status', status);
}
