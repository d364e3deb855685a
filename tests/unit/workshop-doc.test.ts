import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { hiddenIds } from '../../src/domain/shared-map/hidden-records.ts';
import { noteMigrated, wasMigrated } from '../../src/domain/shared-map/migrated-stores.ts';
import { createOwnUndo, undoOwnChange } from '../../src/domain/shared-map/own-undo.ts';
import { touchedRecordIds } from '../../src/domain/shared-map/record-changes.ts';
import { resourceToFields } from '../../src/domain/shared-map/record-fields.ts';
import { recordHistory } from '../../src/domain/shared-map/record-history.ts';
import { checkUpdate } from '../../src/domain/shared-map/update-check.ts';
import { isEmptyWorkshop, workshopRows } from '../../src/domain/workshop/workshop-doc.ts';
import {
  deleteWorkshopRecord,
  mergeWorkshopFile,
  readWorkshopDocument,
  rereadWorkshopRecords,
  writeWorkshop,
  writeWorkshopRecord,
} from '../../src/domain/workshop/workshop-document.ts';
import { isSnapshotV1 } from '../../src/store/workshop/workshop-persistence.ts';
import { facilitator, workshopCtx, workshopThrough } from './workshop-document-helpers.ts';

const resource = (id: string, extra: Record<string, string> = {}): Resource => ({
  id,
  name: `名稱 ${id}`,
  category: 'friendly-shop',
  services: [],
  address: '',
  county: '嘉義縣',
  town: '民雄鄉',
  position: toLatLng(23.55, 120.44),
  precision: 'exact',
  phones: [],
  source: 'test',
  visibility: 'public',
  extra,
});
const who = facilitator();
const summary = (doc: Y.Doc) => {
  const { workshop } = readWorkshopDocument(doc, workshopCtx);
  return {
    additions: workshop.additions.map((r) => `${r.id}:${r.name}`),
    edits: Object.values(workshop.edits).map((r) => `${r.id}:${r.name}`),
    deletions: workshop.deletions,
  };
};

describe('a workshop as a local document', () => {
  it.each([
    {
      case: 'an addition changed and deleted in place',
      write: (doc: Y.Doc) => {
        writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
        writeWorkshopRecord(doc, { ...resource('ws-1'), name: '改名' }, 'added', who);
      },
      expected: { additions: ['ws-1:改名'], edits: [], deletions: [] },
    },
    {
      case: 'an addition deleted leaves nothing',
      write: (doc: Y.Doc) => {
        writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
        deleteWorkshopRecord(doc, 'ws-1', who);
      },
      expected: { additions: [], edits: [], deletions: [] },
    },
    {
      case: 'a changed source record is an edit, apart from additions',
      write: (doc: Y.Doc) => {
        writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
        writeWorkshopRecord(doc, { ...resource('src-1'), name: '改過' }, 'edited', who);
      },
      expected: { additions: ['ws-1:名稱 ws-1'], edits: ['src-1:改過'], deletions: [] },
    },
    {
      case: 'a changed source record deleted: its copy goes, its id is hidden (once)',
      write: (doc: Y.Doc) => {
        writeWorkshopRecord(doc, { ...resource('src-1'), name: '改過' }, 'edited', who);
        deleteWorkshopRecord(doc, 'src-1', who);
        deleteWorkshopRecord(doc, 'src-1', who);
      },
      expected: { additions: [], edits: [], deletions: ['src-1'] },
    },
    {
      case: 'an untouched source record deleted is hidden',
      write: (doc: Y.Doc) => deleteWorkshopRecord(doc, 'src-2', who),
      expected: { additions: [], edits: [], deletions: ['src-2'] },
    },
    {
      case: 'a workshop file merged by its change column (unmarked rows are additions)',
      write: (doc: Y.Doc) => {
        writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
        mergeWorkshopFile(
          doc,
          [
            resource('ws-1', { 工作坊異動: '新增' }),
            resource('ws-2'),
            resource('src-1', { 工作坊異動: '修改' }),
            resource('src-2', { 工作坊異動: '刪除' }),
          ],
          who,
        );
      },
      expected: {
        additions: ['ws-1:名稱 ws-1', 'ws-2:名稱 ws-2'],
        edits: ['src-1:名稱 src-1'],
        deletions: ['src-2'],
      },
    },
  ])('$case', ({ write, expected }) => {
    const doc = new Y.Doc();
    write(doc);
    expect(summary(doc)).toEqual(expected);
  });

  it('lists records in the order they first changed, the same after a reload and on another tab', () => {
    // Two tabs: the first adds ws-c, the second (seeing it) ws-a, the first ws-b. A reload integrates the stored
    // updates client by client, not in the order they were made: the history's order is the one every tab shares.
    const first = new Y.Doc();
    const second = new Y.Doc();
    first.clientID = 1;
    second.clientID = 2;
    const relay = (from: Y.Doc, to: Y.Doc) => Y.applyUpdate(to, Y.encodeStateAsUpdate(from));
    writeWorkshopRecord(first, resource('ws-c'), 'added', who);
    relay(first, second);
    writeWorkshopRecord(second, resource('ws-a'), 'added', who);
    relay(second, first);
    writeWorkshopRecord(first, resource('ws-b'), 'added', who);
    writeWorkshopRecord(first, { ...resource('ws-c'), name: '後來改' }, 'added', who);
    relay(first, second);
    const reloaded = new Y.Doc();
    Y.applyUpdate(reloaded, Y.encodeStateAsUpdate(second));
    const expected = ['ws-c:後來改', 'ws-a:名稱 ws-a', 'ws-b:名稱 ws-b'];
    expect(summary(first).additions).toEqual(expected);
    expect(summary(second).additions).toEqual(expected);
    expect(summary(reloaded).additions).toEqual(expected);
  });

  it('reading only the records a change touched gives what reading the whole document gives', () => {
    const doc = new Y.Doc();
    const origin = { tab: 'mine' };
    const manager = createOwnUndo(doc, 'local', origin);
    let touched = new Set<string>();
    const watch = (events: Y.YEvent<Y.AbstractType<unknown>>[]) => {
      for (const id of touchedRecordIds(events)) touched.add(id);
    };
    doc.getMap('records').observeDeep(watch);
    doc.getMap('hidden').observeDeep(watch);
    const steps: ((d: Y.Doc) => void)[] = [
      (d) => writeWorkshopRecord(d, resource('ws-1'), 'added', who),
      (d) => writeWorkshopRecord(d, { ...resource('src-1'), name: '改過' }, 'edited', who),
      (d) => writeWorkshopRecord(d, resource('ws-2'), 'added', who),
      (d) => deleteWorkshopRecord(d, 'src-1', who),
      (d) => deleteWorkshopRecord(d, 'ws-1', who),
      (d) => mergeWorkshopFile(d, [resource('ws-3'), resource('src-2', { 工作坊異動: '刪除' })], who),
      (d) => writeWorkshopRecord(d, { ...resource('ws-2'), name: '再改' }, 'added', who),
    ];
    let shown = readWorkshopDocument(doc, workshopCtx).workshop;
    const follow = () => {
      shown = rereadWorkshopRecords(doc, shown, touched, workshopCtx);
      touched = new Set();
      expect(shown).toEqual(readWorkshopDocument(doc, workshopCtx).workshop);
    };
    for (const step of steps) {
      doc.transact(() => step(doc), origin);
      follow();
    }
    for (const _ of steps) {
      undoOwnChange(doc, manager, 'undo', who);
      follow();
    }
    expect(isEmptyWorkshop(shown)).toBe(true);
  });

  it('marks every record with what the workshop did to it, so that the kind survives a reload', () => {
    const { workshop } = workshopThrough((doc) => {
      writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
      writeWorkshopRecord(doc, resource('src-1', { 工作坊異動: '新增' }), 'edited', who);
    });
    expect(workshop.additions[0]?.extra.工作坊異動).toBe('新增');
    expect(workshop.edits['src-1']?.extra.工作坊異動).toBe('修改');
  });

  it('gives each record a history: who (the facilitator) and when, deletions as versions without fields', () => {
    const doc = new Y.Doc();
    writeWorkshopRecord(doc, resource('src-1'), 'edited', facilitator('王小明', '2026-03-12T09:00:00.000Z'));
    deleteWorkshopRecord(doc, 'src-1', facilitator('李大華', '2026-03-12T09:05:00.000Z'));
    expect(recordHistory(doc, 'src-1').map((v) => [v.name, v.at, v.fields?.name ?? null])).toEqual([
      ['王小明', '2026-03-12T09:00:00.000Z', '名稱 src-1'],
      ['李大華', '2026-03-12T09:05:00.000Z', null],
    ]);
    expect(hiddenIds(doc)).toEqual(['src-1']);
  });

  it('lists rows to export: additions, edits, then deletions with their source data', () => {
    const { workshop } = workshopThrough((doc) => {
      writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
      writeWorkshopRecord(doc, resource('src-1'), 'edited', who);
      deleteWorkshopRecord(doc, 'src-2', who);
      deleteWorkshopRecord(doc, 'gone', who);
    });
    const rows = workshopRows(workshop, (id) => (id === 'src-2' ? resource('src-2') : undefined));
    expect(rows.map((r) => `${r.change}:${r.resource.id}`)).toEqual([
      'added:ws-1',
      'edited:src-1',
      'deleted:src-2',
    ]);
  });
});

describe('undo of a local document (own-undo.ts)', () => {
  it('takes back a deletion of a source record, noting the version the source shows again', () => {
    const doc = new Y.Doc();
    const origin = { tab: 'mine' };
    const manager = createOwnUndo(doc, 'local', origin);
    doc.transact(
      () => writeWorkshopRecord(doc, { ...resource('src-1'), name: '改過' }, 'edited', who),
      origin,
    );
    doc.transact(() => deleteWorkshopRecord(doc, 'src-1', who), origin);
    expect(summary(doc)).toEqual({ additions: [], edits: [], deletions: ['src-1'] });
    undoOwnChange(doc, manager, 'undo', facilitator('王小明', '2026-03-12T10:00:00.000Z'));
    expect(summary(doc)).toEqual({ additions: [], edits: ['src-1:改過'], deletions: [] });
    undoOwnChange(doc, manager, 'undo', who, (id) => resourceToFields(resource(id)));
    expect(summary(doc)).toEqual({ additions: [], edits: [], deletions: [] });
    // The last version is the source's own, as it shows again.
    expect(recordHistory(doc, 'src-1').at(-1)?.fields?.name).toBe('名稱 src-1');
    undoOwnChange(doc, manager, 'redo', who);
    undoOwnChange(doc, manager, 'redo', who);
    expect(summary(doc)).toEqual({ additions: [], edits: [], deletions: ['src-1'] });
  });

  it('never takes back another tab’s change', () => {
    const mine = new Y.Doc();
    const other = new Y.Doc();
    const origin = { tab: 'mine' };
    const manager = createOwnUndo(mine, 'local', origin);
    mine.on('update', (u: Uint8Array) => Y.applyUpdate(other, u, 'relay'));
    other.on('update', (u: Uint8Array, from: unknown) => {
      if (from !== 'relay') Y.applyUpdate(mine, u, 'relay');
    });
    mine.transact(() => writeWorkshopRecord(mine, resource('ws-mine'), 'added', who), origin);
    writeWorkshopRecord(other, resource('ws-other'), 'added', who);
    deleteWorkshopRecord(other, 'src-9', who);
    undoOwnChange(mine, manager, 'undo', who);
    expect(summary(mine)).toEqual({ additions: ['ws-other:名稱 ws-other'], edits: [], deletions: ['src-9'] });
    expect(summary(other)).toEqual(summary(mine));
  });
});

describe('a local document and a server', () => {
  it('a server refuses its hidden ids (a root no shared document has), but takes its records', () => {
    const doc = new Y.Doc();
    writeWorkshopRecord(doc, resource('ws-1'), 'added', who);
    const records = Y.encodeStateAsUpdate(doc);
    expect(checkUpdate(new Y.Doc(), 'county', records)).toBeNull();
    const before = Y.encodeStateVector(doc);
    deleteWorkshopRecord(doc, 'src-1', who);
    expect(checkUpdate(doc, 'county', Y.encodeStateAsUpdate(doc, before))?.code).toBe('unknown-root');
  });
});

describe('moving the old workshop store (crm-workshop, version 1) into the document', () => {
  const snapshot: unknown = JSON.parse(
    readFileSync(new URL('../fixtures/workshop/crm-workshop-snapshot-v1.json', import.meta.url), 'utf8'),
  );

  it('reads a real snapshot as the old code wrote it: additions, edits and deletions come back', () => {
    expect(isSnapshotV1(snapshot)).toBe(true);
    if (!isSnapshotV1(snapshot)) return;
    const doc = new Y.Doc();
    writeWorkshop(doc, snapshot.history.present, facilitator(snapshot.facilitator));
    noteMigrated(doc, 'crm-workshop');
    const { workshop, issues } = readWorkshopDocument(doc, workshopCtx);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
    expect(workshop).toEqual(snapshot.history.present);
    expect(wasMigrated(doc, 'crm-workshop')).toBe(true);
    expect(recordHistory(doc, 'chiayi-wc-budai').map((v) => [v.name, v.fields])).toEqual([['王小明', null]]);
  });

  it.each([
    ['nothing', undefined],
    ['another version', { version: 2, history: { present: { additions: [] } } }],
    ['a history without its lists', { version: 1, history: { present: {} } }],
    ['text', 'workshop'],
  ])('leaves %s alone', (_case, value) => {
    expect(isSnapshotV1(value)).toBe(false);
  });

  it('an empty workshop is empty', () => {
    expect(isEmptyWorkshop(workshopThrough(() => {}).workshop)).toBe(true);
  });
});
