import { describe, expect, it } from 'vitest';
import {
  EMPTY_LEDGER,
  type LedgerDataset,
  ledgerWithDataset,
  ledgerWithStoredEdits,
  ledgerWithUnsavedEdits,
  looksCleared,
  mergeLosses,
  parseLedger,
  reconcileDatasets,
  reconcileEdits,
  type SaveLedger,
  type StoredDatasets,
  type StoredEdits,
} from '../../src/domain/model/save-ledger.ts';

const entry = (state: LedgerDataset['state'], tab = 'old-tab', fileName = 'big.csv', rows = 20_000) => ({
  fileName,
  rows,
  state,
  tab,
});
const ledger = (patch: Partial<SaveLedger>): SaveLedger => ({ ...EMPTY_LEDGER, ...patch });
const stored = (ids: string[] = [], editCount = 0, revision = 0): StoredDatasets & StoredEdits => ({
  datasets: new Map(ids.map((id) => [id, { fileName: `${id}.csv`, rows: 5 }])),
  editCount,
  revision,
});
const NOBODY = new Set<string>();

/**
 * On start the imports' storage reconciles the files and the corrections' document its corrections, each with
 * the ledger the other left: together they say what a previous visit lost.
 */
function reconcileLedger(
  before: SaveLedger | null,
  facts: StoredDatasets & StoredEdits,
  live: ReadonlySet<string>,
) {
  return reconcileEdits(reconcileDatasets(before, facts, live).ledger, facts, live);
}

describe('reconcileDatasets, then reconcileEdits (on start)', () => {
  it.each([
    {
      name: 'nothing known, nothing stored: no loss',
      before: null,
      facts: stored(),
      live: NOBODY,
      losses: [],
    },
    {
      name: 'a file the ledger calls saved, gone from storage: cleared',
      before: ledger({ datasets: { a: entry('saved') } }),
      facts: stored(),
      live: NOBODY,
      losses: [{ cause: 'cleared', datasets: [{ fileName: 'big.csv', rows: 20_000 }], edits: 0 }],
    },
    {
      name: 'a file being saved when its tab died (browser killed): unfinished',
      before: ledger({ datasets: { a: entry('saving') } }),
      facts: stored(),
      live: NOBODY,
      losses: [{ cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 20_000 }], edits: 0 }],
    },
    {
      name: 'a file whose save failed (no room), its tab gone: unfinished',
      before: ledger({ datasets: { a: entry('failed') } }),
      facts: stored(),
      live: NOBODY,
      losses: [{ cause: 'unfinished', datasets: [{ fileName: 'big.csv', rows: 20_000 }], edits: 0 }],
    },
    {
      name: 'a file another live tab is still saving: not a loss',
      before: ledger({ datasets: { a: entry('saving', 'other') } }),
      facts: stored(),
      live: new Set(['other']),
      losses: [],
    },
    {
      name: 'a file being saved whose write did finish (the ledger was not told): not a loss',
      before: ledger({ datasets: { a: entry('saving') } }),
      facts: stored(['a']),
      live: NOBODY,
      losses: [],
    },
    {
      name: 'corrections stored, storage older than the ledger and empty: cleared',
      before: ledger({ edits: { stored: 3, revision: 100 } }),
      facts: stored([], 0, 0),
      live: NOBODY,
      losses: [{ cause: 'cleared', datasets: [], edits: 3 }],
    },
    {
      name: 'a later write by a tab that died before telling the ledger: storage is newer, no loss',
      before: ledger({ edits: { stored: 5, revision: 100 } }),
      facts: stored([], 3, 120),
      live: NOBODY,
      losses: [],
    },
    {
      name: 'corrections a dead tab held unwritten: unfinished; a live tab’s are its own',
      before: ledger({ unsavedEdits: { dead: 2, alive: 4 } }),
      facts: stored(),
      live: new Set(['alive']),
      losses: [{ cause: 'unfinished', datasets: [], edits: 2 }],
    },
    {
      name: 'an earlier notice not yet acknowledged stays, merged with what is new',
      before: ledger({
        datasets: { b: entry('saved', 'x', 'b.csv', 7) },
        notice: [{ cause: 'cleared', datasets: [{ fileName: 'a.csv', rows: 1 }], edits: 1 }],
      }),
      facts: stored(),
      live: NOBODY,
      losses: [
        {
          cause: 'cleared',
          datasets: [
            { fileName: 'a.csv', rows: 1 },
            { fileName: 'b.csv', rows: 7 },
          ],
          edits: 1,
        },
      ],
    },
  ])('$name', ({ before, facts, live, losses }) => {
    const result = reconcileLedger(before as SaveLedger | null, facts, live);
    expect(result.losses).toEqual(losses);
    expect(result.ledger.notice).toEqual(losses);
  });

  it('rebuilds the ledger from storage, keeping live tabs’ work in progress', () => {
    const { ledger: after } = reconcileLedger(
      ledger({
        datasets: { gone: entry('saving'), busy: entry('saving', 'alive'), kept: entry('saving', 'x') },
        unsavedEdits: { alive: 1, dead: 1 },
      }),
      stored(['kept'], 4, 50),
      new Set(['alive']),
    );
    expect(after.datasets).toEqual({
      busy: entry('saving', 'alive'),
      kept: { fileName: 'kept.csv', rows: 5, state: 'saved', tab: 'x' },
    });
    expect(after.edits).toEqual({ stored: 4, revision: 50 });
    expect(after.unsavedEdits).toEqual({ alive: 1 });
  });
});

describe('looksCleared (while the page is open, imported files)', () => {
  const held = ['a'];
  const savedLedger = ledger({ datasets: { a: entry('saved', 'me') } });
  it.each([
    { name: 'nothing held as saved', held: [], facts: stored(), l: null, is: false },
    { name: 'everything still there', held, facts: stored(['a']), l: savedLedger, is: false },
    { name: 'storage and ledger both gone (site data cleared)', held, facts: stored(), l: null, is: true },
    {
      name: 'storage gone, ledger kept (IndexedDB alone cleared)',
      held,
      facts: stored(),
      l: savedLedger,
      is: true,
    },
    {
      name: 'another tab went back to the default data (ledger updated first)',
      held,
      facts: stored(),
      l: ledger({}),
      is: false,
    },
    {
      name: 'part of it still there (another tab removed one file)',
      held: ['a', 'b'],
      facts: stored(['b']),
      l: null,
      is: false,
    },
  ])('$name → $is', ({ held: h, facts, l, is }) => {
    expect(looksCleared(h, facts, l)).toBe(is);
  });
});

describe('ledger updates', () => {
  it('sets and removes a file', () => {
    const withA = ledgerWithDataset(EMPTY_LEDGER, 'a', entry('saving'));
    expect(withA.datasets.a?.state).toBe('saving');
    expect(ledgerWithDataset(withA, 'a', null).datasets).toEqual({});
  });

  it('takes a newer write of corrections, never an older one that reports late', () => {
    const at10 = ledgerWithStoredEdits(EMPTY_LEDGER, 3, 10);
    expect(at10.edits).toEqual({ stored: 3, revision: 10 });
    expect(ledgerWithStoredEdits(at10, 5, 9)).toBe(at10);
    expect(ledgerWithStoredEdits(at10, 2, 11).edits).toEqual({ stored: 2, revision: 11 });
  });

  it('counts a tab’s unwritten corrections, and forgets the tab at zero', () => {
    const two = ledgerWithUnsavedEdits(EMPTY_LEDGER, 't', 2);
    expect(two.unsavedEdits).toEqual({ t: 2 });
    expect(ledgerWithUnsavedEdits(two, 't', 2)).toBe(two);
    expect(ledgerWithUnsavedEdits(two, 't', 0).unsavedEdits).toEqual({});
  });

  it('merges losses by cause and drops empty ones', () => {
    expect(
      mergeLosses([
        { cause: 'cleared', datasets: [], edits: 0 },
        { cause: 'unfinished', datasets: [{ fileName: 'a', rows: 1 }], edits: 1 },
        { cause: 'unfinished', datasets: [], edits: 2 },
      ]),
    ).toEqual([{ cause: 'unfinished', datasets: [{ fileName: 'a', rows: 1 }], edits: 3 }]);
  });
});

describe('parseLedger', () => {
  it('reads back what was written (JSON round trip)', () => {
    const written = ledger({
      datasets: { a: entry('failed') },
      edits: { stored: 1, revision: 2 },
      unsavedEdits: { t: 1 },
      notice: [{ cause: 'unfinished', datasets: [{ fileName: 'x', rows: 3 }], edits: 0 }],
    });
    expect(parseLedger(JSON.parse(JSON.stringify(written)))).toEqual(written);
  });

  it.each([null, 'text', 3, {}, { version: 2 }, { ...EMPTY_LEDGER, edits: { stored: -1, revision: 0 } }])(
    'refuses %j',
    (value) => {
      expect(parseLedger(value)).toBeNull();
    },
  );

  it('drops entries it does not understand, keeps the rest', () => {
    const parsed = parseLedger({
      ...EMPTY_LEDGER,
      datasets: { a: entry('saved'), b: { fileName: 1 }, c: { ...entry('saved'), state: 'odd' } },
    });
    expect(Object.keys(parsed?.datasets ?? {})).toEqual(['a']);
  });
});
