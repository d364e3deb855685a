/**
 * The save ledger: a small note, kept apart from the saved data (in localStorage), of what the app said it saved
 * and what it was still saving. Comparing it with what storage holds tells, on start or while the page is open,
 * whether something the app once called saved is gone (site data cleared, storage evicted) or never made it (the
 * page closed in the middle of a save, or there was no room), so that the app says so instead of staying silent.
 */

/** Where an imported file's save stands: a tab writes `saving` before it writes the file. */
export type LedgerDatasetState = 'saving' | 'saved' | 'failed';

export interface LedgerDataset {
  readonly fileName: string;
  readonly rows: number;
  readonly state: LedgerDatasetState;
  /** The tab (page load) that wrote it; while that tab lives, its unfinished save is its own to report. */
  readonly tab: string;
}

/** An imported file that is not in storage, as the person knows it. */
export interface LostDataset {
  readonly fileName: string;
  readonly rows: number;
}

/** What is missing, and why. */
export interface SaveLoss {
  /**
   * `cleared`: it was saved, and storage no longer has it (site data cleared, storage evicted); `unfinished`: it
   * was never saved (the page or the browser closed while saving, or there was no room).
   */
  readonly cause: 'cleared' | 'unfinished';
  readonly datasets: readonly LostDataset[];
  /** Corrections of records. */
  readonly edits: number;
}

/**
 * How far one client of the corrections' Yjs document got: its changes are numbered by a clock, and a document
 * whose state vector reaches `clock` for `client` holds every change of it numbered below.
 */
export interface ClientClock {
  readonly client: number;
  readonly clock: number;
}

export interface SaveLedger {
  readonly version: 1;
  /** Imported files by dataset id. */
  readonly datasets: Readonly<Record<string, LedgerDataset>>;
  /** How many corrections storage held after the write numbered `revision` (revisions only grow). */
  readonly edits: { readonly stored: number; readonly revision: number };
  /** Corrections a tab holds that are not written yet, by tab. */
  readonly unsavedEdits: Readonly<Record<string, number>>;
  /**
   * Where a tab's unwritten corrections end, by tab: the clock after the last of them, for each client they were
   * made with. Storage that reaches them holds those corrections, whoever wrote them (another tab that received
   * them). A tab with none listed here (an older ledger, or a change that added nothing to clock) is counted.
   */
  readonly unsavedClocks: Readonly<Record<string, readonly ClientClock[]>>;
  /** Losses found and not yet acknowledged by the person: shown on every start until then. */
  readonly notice: readonly SaveLoss[];
}

/** The imported files storage holds, as read on start or while checking. */
export interface StoredDatasets {
  readonly datasets: ReadonlyMap<string, LostDataset>;
}

/** The corrections storage holds, as read on start. */
export interface StoredEdits {
  readonly editCount: number;
  /** The revision of the last write of corrections (0 when there was none, or storage was cleared). */
  readonly revision: number;
  /** The state vector of what storage holds: the clock it reaches, by client. */
  readonly clocks: ReadonlyMap<number, number>;
}

export const EMPTY_LEDGER: SaveLedger = {
  version: 1,
  datasets: {},
  edits: { stored: 0, revision: 0 },
  unsavedEdits: {},
  unsavedClocks: {},
  notice: [],
};

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;
const isClock = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) >= 0;

/** A tab's clocks as written, or null when they are not all clocks (the tab's corrections are then counted). */
function parseClocks(value: unknown): ClientClock[] | null {
  if (!Array.isArray(value) || value.length === 0) return null;
  const clocks: ClientClock[] = [];
  for (const c of value) {
    if (!isRecord(c) || !isClock(c.client) || !isClock(c.clock)) return null;
    clocks.push({ client: c.client, clock: c.clock });
  }
  return clocks;
}

function parseLoss(value: unknown): SaveLoss | null {
  if (!isRecord(value) || (value.cause !== 'cleared' && value.cause !== 'unfinished')) return null;
  if (!Array.isArray(value.datasets) || !isCount(value.edits)) return null;
  const datasets = value.datasets.filter(
    (d): d is LostDataset => isRecord(d) && typeof d.fileName === 'string' && isCount(d.rows),
  );
  return { cause: value.cause, datasets, edits: value.edits };
}

/**
 * A ledger read back (JSON), or null when there is none or it is not one this version understands. A ledger
 * written before `unsavedClocks` (or by such a version, which drops them) reads with none.
 */
export function parseLedger(value: unknown): SaveLedger | null {
  if (!isRecord(value) || value.version !== 1) return null;
  const { datasets, edits, unsavedEdits, unsavedClocks = {}, notice } = value;
  if (
    !isRecord(datasets) ||
    !isRecord(edits) ||
    !isRecord(unsavedEdits) ||
    !isRecord(unsavedClocks) ||
    !Array.isArray(notice)
  )
    return null;
  if (!isCount(edits.stored) || !isCount(edits.revision)) return null;
  const entries: Record<string, LedgerDataset> = {};
  for (const [id, d] of Object.entries(datasets)) {
    if (
      isRecord(d) &&
      typeof d.fileName === 'string' &&
      isCount(d.rows) &&
      (d.state === 'saving' || d.state === 'saved' || d.state === 'failed') &&
      typeof d.tab === 'string'
    )
      entries[id] = { fileName: d.fileName, rows: d.rows, state: d.state, tab: d.tab };
  }
  const unsaved: Record<string, number> = {};
  for (const [tab, n] of Object.entries(unsavedEdits)) if (isCount(n) && n > 0) unsaved[tab] = n;
  const clocks: Record<string, ClientClock[]> = {};
  for (const tab of Object.keys(unsaved)) {
    const tabClocks = parseClocks(unsavedClocks[tab]);
    if (tabClocks) clocks[tab] = tabClocks;
  }
  return {
    version: 1,
    datasets: entries,
    edits: { stored: edits.stored, revision: edits.revision },
    unsavedEdits: unsaved,
    unsavedClocks: clocks,
    notice: notice.map(parseLoss).filter((l): l is SaveLoss => l !== null),
  };
}

/** The ledger with a file's entry set, or removed (null: the file was removed on purpose). */
export function ledgerWithDataset(ledger: SaveLedger, id: string, entry: LedgerDataset | null): SaveLedger {
  const datasets = { ...ledger.datasets };
  if (entry) datasets[id] = entry;
  else delete datasets[id];
  return { ...ledger, datasets };
}

/**
 * The ledger after a write of corrections: storage held `stored` of them as of `revision`. An older revision
 * (another tab's write that finished first but reports last) leaves it as it is.
 */
export function ledgerWithStoredEdits(ledger: SaveLedger, stored: number, revision: number): SaveLedger {
  if (revision < ledger.edits.revision) return ledger;
  return { ...ledger, edits: { stored, revision } };
}

const sameClocks = (a: readonly ClientClock[] | undefined, b: readonly ClientClock[] | null) =>
  (a ?? null) === b ||
  (a !== undefined &&
    b !== null &&
    a.length === b.length &&
    a.every((c, i) => c.client === b[i]?.client && c.clock === b[i]?.clock));

/**
 * The ledger with the number of corrections a tab holds unwritten, and where they end (`clocks`; null when that
 * cannot tell whether storage holds them).
 */
export function ledgerWithUnsavedEdits(
  ledger: SaveLedger,
  tab: string,
  count: number,
  clocks: readonly ClientClock[] | null,
): SaveLedger {
  const held = count > 0 && clocks !== null && clocks.length > 0 ? clocks : null;
  if ((ledger.unsavedEdits[tab] ?? 0) === count && sameClocks(ledger.unsavedClocks[tab], held)) return ledger;
  const unsavedEdits = { ...ledger.unsavedEdits };
  const unsavedClocks = { ...ledger.unsavedClocks };
  if (count > 0) unsavedEdits[tab] = count;
  else delete unsavedEdits[tab];
  if (held) unsavedClocks[tab] = held;
  else delete unsavedClocks[tab];
  return { ...ledger, unsavedEdits, unsavedClocks };
}

/** Whether storage reaches every clock listed (false when none is: then nothing tells). */
function storageReaches(
  clocks: readonly ClientClock[] | undefined,
  stored: ReadonlyMap<number, number>,
): boolean {
  if (!clocks || clocks.length === 0) return false;
  return clocks.every(({ client, clock }) => (stored.get(client) ?? 0) >= clock);
}

/** Losses put together by cause: one entry for what was cleared, one for what never got saved. */
export function mergeLosses(losses: readonly SaveLoss[]): SaveLoss[] {
  const merged: SaveLoss[] = [];
  for (const cause of ['unfinished', 'cleared'] as const) {
    const same = losses.filter((l) => l.cause === cause);
    const datasets = same.flatMap((l) => l.datasets);
    const edits = same.reduce((sum, l) => sum + l.edits, 0);
    if (datasets.length > 0 || edits > 0) merged.push({ cause, datasets, edits });
  }
  return merged;
}

/**
 * On start, for imported files: what the ledger says was saved or being saved, against what storage holds. A file
 * the ledger calls saved that storage lacks was cleared; a file of a tab that is gone (closed, crashed, killed) and
 * never written was unfinished; a live tab's unfinished save is its own. Returns the ledger with its files rebuilt
 * from storage (plus live tabs' saves in progress), the losses added to its notice, and every loss not yet
 * acknowledged.
 */
export function reconcileDatasets(
  ledger: SaveLedger | null,
  stored: StoredDatasets,
  liveTabs: ReadonlySet<string>,
): { ledger: SaveLedger; losses: SaveLoss[] } {
  const before = ledger ?? EMPTY_LEDGER;
  const cleared: LostDataset[] = [];
  const unfinished: LostDataset[] = [];
  const datasets: Record<string, LedgerDataset> = {};
  for (const [id, entry] of Object.entries(before.datasets)) {
    if (stored.datasets.has(id)) continue;
    const lost = { fileName: entry.fileName, rows: entry.rows };
    if (entry.state === 'saved') cleared.push(lost);
    else if (liveTabs.has(entry.tab)) datasets[id] = entry;
    else unfinished.push(lost);
  }
  for (const [id, d] of stored.datasets)
    datasets[id] = { ...d, state: 'saved', tab: before.datasets[id]?.tab ?? '' };
  const notice = mergeLosses([
    ...before.notice,
    { cause: 'cleared', datasets: cleared, edits: 0 },
    { cause: 'unfinished', datasets: unfinished, edits: 0 },
  ]);
  return { ledger: { ...before, datasets, notice }, losses: notice };
}

/**
 * On start, for corrections: they count as cleared when storage is older than the ledger's last write (its
 * revision went back) and holds fewer of them; the corrections of a tab that is gone and never read back were
 * unfinished, unless storage reaches their clocks (another tab that received them stored them, or the tab's own
 * write committed before it died); a live tab's unwritten ones are its own. Example: tab A (gone) held 2 unwritten
 * up to clock 7 of client 42; storage's state vector has 42 → 7: no loss; 42 → 5: 2 unfinished. Returns the ledger with its corrections rebuilt from
 * storage, the losses added to its notice, and every loss not yet acknowledged.
 */
export function reconcileEdits(
  ledger: SaveLedger | null,
  stored: StoredEdits,
  liveTabs: ReadonlySet<string>,
): { ledger: SaveLedger; losses: SaveLoss[] } {
  const before = ledger ?? EMPTY_LEDGER;
  const clearedEdits =
    stored.revision < before.edits.revision ? Math.max(0, before.edits.stored - stored.editCount) : 0;
  let unfinishedEdits = 0;
  const unsavedEdits: Record<string, number> = {};
  const unsavedClocks: Record<string, readonly ClientClock[]> = {};
  for (const [tab, count] of Object.entries(before.unsavedEdits)) {
    const clocks = before.unsavedClocks[tab];
    if (liveTabs.has(tab)) {
      unsavedEdits[tab] = count;
      if (clocks) unsavedClocks[tab] = clocks;
    } else if (!storageReaches(clocks, stored.clocks)) unfinishedEdits += count;
  }
  const notice = mergeLosses([
    ...before.notice,
    { cause: 'cleared', datasets: [], edits: clearedEdits },
    { cause: 'unfinished', datasets: [], edits: unfinishedEdits },
  ]);
  return {
    ledger: {
      ...before,
      edits: { stored: stored.editCount, revision: stored.revision },
      unsavedEdits,
      unsavedClocks,
      notice,
    },
    losses: notice,
  };
}

/**
 * While the page is open: whether storage lost every imported file this tab holds as saved, rather than another
 * tab having removed it on purpose. None of them is stored any more, and the ledger (which a tab updates before it
 * removes anything) still lists one or is itself gone (clearing site data clears it too). Example: this tab saved
 * a.csv; storage no longer has it and the ledger is gone → cleared. Another tab went back to the default data →
 * the ledger lists no file → not cleared. (The corrections' document hears of a clearing from the browser itself.)
 */
export function looksCleared(
  heldIds: readonly string[],
  stored: StoredDatasets,
  ledger: SaveLedger | null,
): boolean {
  if (heldIds.length === 0) return false;
  if (heldIds.some((id) => stored.datasets.has(id))) return false;
  if (ledger === null) return true;
  return heldIds.some((id) => id in ledger.datasets);
}
