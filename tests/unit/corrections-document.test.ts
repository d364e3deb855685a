import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  type Corrections,
  correctedIds,
  dropCorrections,
  readCorrections,
  writeCorrection,
  writeMerge,
  writeOldCorrections,
} from '../../src/domain/corrections/corrections-document.ts';
import { mergeDuplicate } from '../../src/domain/loading/duplicates.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { createOwnUndo, undoOwnChange } from '../../src/domain/shared-map/own-undo.ts';
import { touchedRecordIds } from '../../src/domain/shared-map/record-changes.ts';
import { resourceToFields } from '../../src/domain/shared-map/record-fields.ts';
import { recordHistory } from '../../src/domain/shared-map/record-history.ts';
import { ROOTS } from '../../src/domain/shared-map/schema.ts';
import { checkUpdate } from '../../src/domain/shared-map/update-check.ts';
import { repoFile } from './fixture-paths.ts';
import { contextFor, loadPath } from './load-context.ts';

// Real records: the default data's friendly shops and community resources, as the app loads them.
const shops = loadPath(repoFile('data', 'sample-friendly-shops.geojson'), {
  file: 'sample-friendly-shops.geojson',
  category: 'friendly-shop',
}).resources;
const community = loadPath(repoFile('data', 'sample-community-resources.csv'), {
  file: 'sample-community-resources.csv',
}).resources;
const ctx = contextFor({ file: 'local/corrections', source: '' });
const office = { org: '', name: '', at: '2026-12-07T01:00:00.000Z' };

function pick(list: readonly Resource[], i: number): Resource {
  const r = list[i];
  if (!r) throw new Error(`fixture has no record ${i}`);
  return r;
}
const a = pick(shops, 0);
const b = pick(shops, 1);
const c = pick(community, 0);

const read = (doc: Y.Doc) => readCorrections(doc, ctx);

describe('office corrections as a local document', () => {
  it.each([
    {
      case: 'a corrected record reads back as written',
      write: (doc: Y.Doc) =>
        writeCorrection(doc, { ...a, name: `${a.name}（更正）`, phones: ['05-2261234'] }, office),
      expected: { [a.id]: { id: a.id, name: `${a.name}（更正）`, phones: ['05-2261234'] } },
    },
    {
      case: 'a place set by hand',
      write: (doc: Y.Doc) =>
        writeCorrection(doc, { ...c, position: toLatLng(23.55, 120.43), precision: 'exact' }, office),
      expected: { [c.id]: { id: c.id, position: [23.55, 120.43], precision: 'exact' } },
    },
    {
      case: 'a duplicate merged: it maps to the record it went into',
      write: (doc: Y.Doc) => writeMerge(doc, mergeDuplicate(a, b), b.id, office),
      expected: { [a.id]: { id: a.id }, [b.id]: { id: a.id } },
    },
    {
      case: 'a merge taken back with its kept record: both show as their source again',
      write: (doc: Y.Doc) => {
        writeMerge(doc, mergeDuplicate(a, b), b.id, office);
        dropCorrections(doc, [a.id], office);
      },
      expected: {},
    },
    {
      case: 'a merged duplicate corrected again stands on its own',
      write: (doc: Y.Doc) => {
        writeMerge(doc, mergeDuplicate(a, b), b.id, office);
        writeCorrection(doc, { ...b, name: '獨立' }, office);
      },
      expected: { [a.id]: { id: a.id }, [b.id]: { id: b.id, name: '獨立' } },
    },
    {
      case: 'corrections of an older version (a merge among them) move in',
      write: (doc: Y.Doc) => {
        const merged = mergeDuplicate(a, b);
        writeOldCorrections(
          doc,
          { [a.id]: merged, [b.id]: merged, [c.id]: { ...c, name: '舊更正' } },
          office,
        );
      },
      expected: { [a.id]: { id: a.id }, [b.id]: { id: a.id }, [c.id]: { id: c.id, name: '舊更正' } },
    },
  ])('$case', ({ write, expected }) => {
    const doc = new Y.Doc();
    write(doc);
    const { edits, issues } = read(doc);
    expect(issues).toEqual([]);
    expect(Object.keys(edits).sort()).toEqual(Object.keys(expected).sort());
    for (const [id, fields] of Object.entries(expected)) expect(edits[id]).toMatchObject(fields);
  });

  it('reads a correction back as the record written (every field the model has)', () => {
    const corrected: Resource = {
      ...a,
      openingHours: 'Mo-Fr 09:00-17:00',
      website: 'https://example.org/shop',
      description: '可等候家長',
      lastVerified: '2026-12-01',
      extra: { ...a.extra, 備註: '有無障礙坡道' },
    };
    const doc = new Y.Doc();
    writeCorrection(doc, corrected, office);
    expect(read(doc).edits[a.id]).toEqual(corrected);
  });

  it.each([
    {
      case: 'a record that is not a record (another tab of a broken version)',
      write: (doc: Y.Doc) => doc.getMap(ROOTS.records).set('broken', 'text'),
      issue: { recordId: 'broken', code: 'malformed-record' },
    },
    {
      case: 'a record without a name',
      write: (doc: Y.Doc) => {
        const record = new Y.Map<string>();
        doc.getMap(ROOTS.records).set('nameless', record);
        record.set('category', 'friendly-shop');
      },
      issue: { recordId: 'nameless', code: 'malformed-record' },
    },
    {
      case: 'a merge whose kept record is not in the document',
      write: (doc: Y.Doc) => doc.getMap(ROOTS.hidden).set(b.id, { ...office, into: 'gone' }),
      issue: { recordId: b.id, code: 'merged-into-missing' },
    },
  ])('reports what it cannot read, never shows it half-read: $case', ({ write, issue }) => {
    const doc = new Y.Doc();
    writeCorrection(doc, a, office);
    write(doc);
    const { edits, issues } = read(doc);
    expect(issues).toEqual([issue]);
    expect(Object.keys(edits)).toEqual([a.id]);
  });

  it('read after each change (only the ids touched) equals a whole read', () => {
    const doc = new Y.Doc();
    let shown: Corrections = read(doc);
    let touched = new Set<string>();
    const roots = [doc.getMap(ROOTS.records), doc.getMap(ROOTS.hidden)];
    for (const root of roots)
      root.observeDeep((events) => {
        for (const id of touchedRecordIds(events)) touched.add(id);
      });
    const steps: ((d: Y.Doc) => void)[] = [
      (d) => writeCorrection(d, { ...a, name: '一' }, office),
      (d) => writeCorrection(d, { ...c, phones: ['05-1111111'] }, office),
      (d) => writeMerge(d, mergeDuplicate({ ...a, name: '一' }, b), b.id, office),
      (d) => writeCorrection(d, { ...a, name: '二' }, office),
      (d) => d.getMap(ROOTS.records).set('broken', 1),
      (d) => dropCorrections(d, [a.id], office),
      (d) => d.getMap(ROOTS.records).delete('broken'),
      (d) => dropCorrections(d, correctedIds(d), office),
    ];
    for (const step of steps) {
      touched = new Set();
      step(doc);
      shown = readCorrections(doc, ctx, { previous: shown, ids: touched });
      expect(shown).toEqual(read(doc));
    }
  });

  it('undo takes back one own correction at a time, and the history says so', () => {
    const doc = new Y.Doc();
    const own = { tab: 'this' };
    const undo = createOwnUndo(doc, 'local', own);
    doc.transact(() => writeCorrection(doc, { ...a, name: '更正' }, office), own);
    doc.transact(() => writeMerge(doc, mergeDuplicate({ ...a, name: '更正' }, b), b.id, office), own);
    // Another tab's correction (relayed) is never undone here.
    doc.transact(() => writeCorrection(doc, { ...c, name: '別的分頁' }, office), 'other tab');
    const source = (id: string) => {
      const r = [a, b, c].find((x) => x.id === id);
      return r ? resourceToFields(r) : null;
    };
    undoOwnChange(doc, undo, 'undo', office, source);
    expect(Object.keys(read(doc).edits).sort()).toEqual([a.id, c.id].sort());
    undoOwnChange(doc, undo, 'undo', office, source);
    expect(Object.keys(read(doc).edits)).toEqual([c.id]);
    expect(recordHistory(doc, a.id).at(-1)?.fields?.name).toBe(a.name);
    undoOwnChange(doc, undo, 'redo', office, source);
    expect(read(doc).edits[a.id]?.name).toBe('更正');
  });

  it('is a local document: a server refuses its hidden root', () => {
    const doc = new Y.Doc();
    writeMerge(doc, mergeDuplicate(a, b), b.id, office);
    expect(checkUpdate(new Y.Doc(), 'county', Y.encodeStateAsUpdate(doc))?.code).toBe('unknown-root');
  });
});
