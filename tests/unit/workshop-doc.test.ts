import { describe, expect, it } from 'vitest';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';
import { record, redo, startHistory, undo } from '../../src/domain/model/undo-history.ts';
import {
  addRecord,
  changeRecord,
  deleteRecord,
  EMPTY_WORKSHOP,
  isEmptyWorkshop,
  mergeWorkshopRecords,
  workshopRows,
} from '../../src/domain/workshop/workshop-doc.ts';

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

describe('workshop doc', () => {
  it('adds, changes and deletes its own additions in place', () => {
    let doc = addRecord(EMPTY_WORKSHOP, resource('ws-1'));
    doc = changeRecord(doc, { ...resource('ws-1'), name: '改名' });
    expect(doc.additions.map((r) => r.name)).toEqual(['改名']);
    expect(doc.edits).toEqual({});
    doc = deleteRecord(doc, 'ws-1');
    expect(isEmptyWorkshop(doc)).toBe(true);
  });

  it('keeps edits and deletions of source records apart from additions', () => {
    let doc = changeRecord(EMPTY_WORKSHOP, { ...resource('src-1'), name: '改過' });
    expect(doc.edits['src-1']?.name).toBe('改過');
    doc = deleteRecord(doc, 'src-1');
    expect(doc.edits).toEqual({});
    expect(doc.deletions).toEqual(['src-1']);
    expect(deleteRecord(doc, 'src-1').deletions).toEqual(['src-1']);
  });

  it('merges records read back from an export by their change column', () => {
    const doc = mergeWorkshopRecords(addRecord(EMPTY_WORKSHOP, resource('ws-1')), [
      resource('ws-1', { 工作坊異動: '新增' }),
      resource('ws-2'),
      resource('src-1', { 工作坊異動: '修改' }),
      resource('src-2', { 工作坊異動: '刪除' }),
    ]);
    expect(doc.additions.map((r) => r.id)).toEqual(['ws-1', 'ws-2']);
    expect(Object.keys(doc.edits)).toEqual(['src-1']);
    expect(doc.deletions).toEqual(['src-2']);
  });

  it('lists rows to export: additions, edits, then deletions with their source data', () => {
    let doc = addRecord(EMPTY_WORKSHOP, resource('ws-1'));
    doc = changeRecord(doc, resource('src-1'));
    doc = deleteRecord(doc, 'src-2');
    doc = deleteRecord(doc, 'gone');
    const rows = workshopRows(doc, (id) => (id === 'src-2' ? resource('src-2') : undefined));
    expect(rows.map((r) => `${r.change}:${r.resource.id}`)).toEqual([
      'added:ws-1',
      'edited:src-1',
      'deleted:src-2',
    ]);
  });
});

describe('undo history', () => {
  it('undoes and redoes, and a new step clears the redo list', () => {
    let h = startHistory(0);
    h = record(h, 1);
    h = record(h, 2);
    h = undo(h);
    expect(h.present).toBe(1);
    h = redo(h);
    expect(h.present).toBe(2);
    h = undo(undo(h));
    expect(h.present).toBe(0);
    h = record(h, 5);
    expect(h).toEqual({ past: [0], present: 5, future: [] });
  });

  it('ignores undo/redo at the ends and a step to the same value', () => {
    const h = startHistory('a');
    expect(undo(h)).toBe(h);
    expect(redo(h)).toBe(h);
    expect(record(h, 'a')).toBe(h);
  });

  it('keeps at most `limit` steps back', () => {
    let h = startHistory(0);
    for (let i = 1; i <= 10; i++) h = record(h, i, 3);
    expect(h.past).toEqual([7, 8, 9]);
  });
});
