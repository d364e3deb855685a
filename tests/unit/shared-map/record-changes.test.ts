import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecords } from '../../../src/domain/shared-map/read-records.ts';
import { readRecordChanges, touchedRecordIds } from '../../../src/domain/shared-map/record-changes.ts';
import { deleteRecord, writeRecord } from '../../../src/domain/shared-map/record-history.ts';
import { minxiongRecord } from '../../minxiong-record.ts';
import { rawRecord, sharedCtx, stamp, sync } from './shared-helpers.ts';

const record = minxiongRecord;

/** The ids each remote transaction touched, as the sync service sees them through observeDeep. */
function watch(doc: Y.Doc): Set<string>[] {
  const batches: Set<string>[] = [];
  doc.getMap('records').observeDeep((events) => batches.push(touchedRecordIds(events)));
  return batches;
}

describe('one remote change, one record read', () => {
  it('names the record a field change, an addition or a deletion touched — only that one', () => {
    const here = new Y.Doc();
    const there = new Y.Doc();
    for (let i = 0; i < 50; i++) writeRecord(there, record(`r${i}`, `據點 ${i}`), stamp('a'));
    sync(there, here);
    const batches = watch(here);
    writeRecord(there, record('r7', '據點七（改名）'), stamp('a'));
    sync(there, here);
    writeRecord(there, record('new', '新據點'), stamp('a'));
    sync(there, here);
    deleteRecord(there, 'r3', stamp('a'));
    sync(there, here);
    expect(batches.map((b) => [...b])).toEqual([['r7'], ['new'], ['r3']]);
  });

  it('reads the touched records exactly as readRecords does, and reports gone ones as removed', () => {
    const doc = new Y.Doc();
    writeRecord(doc, record('a', '甲', { website: 'https://example.org/' }), stamp('a'));
    rawRecord(doc, 'evil', { name: '<img src=x onerror=alert(1)>', website: 'javascript:alert(1)' });
    rawRecord(doc, 'nameless', { address: '嘉義縣民雄鄉' });
    const whole = readRecords(doc, sharedCtx).resources;
    const changes = readRecordChanges(doc, ['a', 'evil', 'nameless', 'missing'], sharedCtx);
    expect(changes.put).toEqual(whole);
    expect(changes.put.find((r) => r.id === 'evil')?.website).toBeUndefined();
    expect(changes.removed).toEqual(['nameless', 'missing']);
  });

  it('a record id comes from the map key, not from a field a peer wrote', () => {
    const doc = new Y.Doc();
    rawRecord(doc, 'real', { id: 'someone-else', name: '冒名' });
    expect(readRecordChanges(doc, ['real'], sharedCtx).put.map((r) => r.id)).toEqual(['real']);
  });
});
