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
const stored = (
  ids: string[] = [],
  editCount = 0,
  revision = 0,
  clocks: Record<number, number> = {},
): StoredDatasets & StoredEdits => ({
  datasets: new Map(ids.map((id) => [id, { fileName: `${id}.csv`, rows: 5 }])),
  editCount,
  revision,
  clocks: new Map(Object.entries(clocks).map(([client, clock]) => [Number(client), clock])),
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
      name: 'a dead tab’s unwritten corrections that storage reaches (another tab stored them): no loss',
      before: ledger({ unsavedEdits: { dead: 2 }, unsavedClocks: { dead: [{ client: 42, clock: 7 }] } }),
      facts: stored([], 2, 0, { 42: 7, 9: 3 }),
      live: NOBODY,
      losses: [],
    },
    {
      name: 'storage beyond their clock (later changes of that client stored too): no loss',
      before: ledger({ unsavedEdits: { dead: 1 }, unsavedClocks: { dead: [{ client: 42, clock: 7 }] } }),
      facts: stored([], 1, 0, { 42: 12 }),
      live: NOBODY,
      losses: [],
    },
    {
      name: 'storage short of their clock: unfinished, all of them',
      before: ledger({ unsavedEdits: { dead: 2 }, unsavedClocks: { dead: [{ client: 42, clock: 7 }] } }),
      facts: stored([], 1, 0, { 42: 6 }),
      live: NOBODY,
      losses: [{ cause: 'unfinished', datasets: [], edits: 2 }],
    },
    {
      name: 'storage reaching one client of theirs, not the other (made while storage loaded): unfinished',
      before: ledger({
        unsavedEdits: { dead: 2 },
        unsavedClocks: {
          dead: [
            { client: 42, clock: 7 },
            { client: 8, clock: 4 },
          ],
        },
      }),
      facts: stored([], 0, 0, { 42: 7 }),
      live: NOBODY,
      losses: [{ cause: 'unfinished', datasets: [], edits: 2 }],
    },
    {
      name: 'a ledger without clocks (older version): counted as before',
      before: ledger({ unsavedEdits: { dead: 3 } }),
      facts: stored([], 0, 0, { 42: 99 }),
      live: NOBODY,
      losses: [{ cause: 'unfinished', datasets: [], edits: 3 }],
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
        unsavedClocks: { alive: [{ client: 1, clock: 9 }], dead: [{ client: 2, clock: 9 }] },
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
    // A live tab's clocks stay, even where storage reaches them: it says itself once it has read them back.
    expect(after.unsavedClocks).toEqual({ alive: [{ client: 1, clock: 9 }] });
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

  it('counts a tab’s unwritten corrections with where they end, and forgets the tab at zero', () => {
    const upTo7 = [{ client: 42, clock: 7 }];
    const two = ledgerWithUnsavedEdits(EMPTY_LEDGER, 't', 2, upTo7);
    expect(two.unsavedEdits).toEqual({ t: 2 });
    expect(two.unsavedClocks).toEqual({ t: upTo7 });
    expect(ledgerWithUnsavedEdits(two, 't', 2, [{ client: 42, clock: 7 }])).toBe(two);
    expect(ledgerWithUnsavedEdits(two, 't', 3, [{ client: 42, clock: 9 }]).unsavedClocks).toEqual({
      t: [{ client: 42, clock: 9 }],
    });
    // A change the clocks cannot tell about: the count alone stays.
    const unknown = ledgerWithUnsavedEdits(two, 't', 3, null);
    expect(unknown.unsavedEdits).toEqual({ t: 3 });
    expect(unknown.unsavedClocks).toEqual({});
    const none = ledgerWithUnsavedEdits(two, 't', 0, upTo7);
    expect(none.unsavedEdits).toEqual({});
    expect(none.unsavedClocks).toEqual({});
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
      unsavedClocks: { t: [{ client: 3_000_000_000, clock: 12 }] },
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

  it('reads a ledger written before the clocks, with none', () => {
    const { unsavedClocks: _, ...older } = ledger({ unsavedEdits: { t: 2 } });
    expect(parseLedger(JSON.parse(JSON.stringify(older)))).toEqual(ledger({ unsavedEdits: { t: 2 } }));
  });

  it.each([
    { name: 'not a list', clocks: { client: 1, clock: 2 } },
    { name: 'an empty list', clocks: [] },
    { name: 'a clock below zero', clocks: [{ client: 1, clock: -1 }] },
    { name: 'a client that is no integer', clocks: [{ client: 1.5, clock: 2 }] },
    {
      name: 'one good, one bad',
      clocks: [
        { client: 1, clock: 2 },
        { client: 'x', clock: 2 },
      ],
    },
  ])('drops a tab’s clocks it does not understand ($name): its corrections are counted', ({ clocks }) => {
    const parsed = parseLedger({ ...ledger({ unsavedEdits: { t: 2 } }), unsavedClocks: { t: clocks } });
    expect(parsed?.unsavedEdits).toEqual({ t: 2 });
    expect(parsed?.unsavedClocks).toEqual({});
  });

  it('drops the clocks of a tab without unwritten corrections', () => {
    const parsed = parseLedger({ ...EMPTY_LEDGER, unsavedClocks: { t: [{ client: 1, clock: 2 }] } });
    expect(parsed?.unsavedClocks).toEqual({});
  });

  it('drops entries it does not understand, keeps the rest', () => {
    const parsed = parseLedger({
      ...EMPTY_LEDGER,
      datasets: { a: entry('saved'), b: { fileName: 1 }, c: { ...entry('saved'), state: 'odd' } },
    });
    expect(Object.keys(parsed?.datasets ?? {})).toEqual(['a']);
  });
});
