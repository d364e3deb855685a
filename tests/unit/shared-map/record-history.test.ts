import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Resource } from '../../../src/domain/model/resource.ts';
import { lastChangeOf, readRecords } from '../../../src/domain/shared-map/read-records.ts';
import {
  deleteRecord,
  recordHistory,
  restoreVersion,
  writeRecord,
} from '../../../src/domain/shared-map/record-history.ts';
import { repoFile } from '../fixture-paths.ts';
import { loadPath } from '../load-context.ts';
import { sharedCtx, stamp, sync } from './shared-helpers.ts';

const [center] = loadPath(repoFile('data', 'chiayi-welfare-centers.csv'), { file: 'chiayi.csv' })
  .resources as [Resource];
const read = (doc: Y.Doc) => readRecords(doc, sharedCtx).resources;

describe('writeRecord / deleteRecord / restoreVersion', () => {
  it('keeps who changed a record and every version, and restores an older one', () => {
    const doc = new Y.Doc();
    writeRecord(doc, center, stamp('county', '2026-12-01T00:00:00.000Z'));
    writeRecord(doc, { ...center, description: '新說明' }, stamp('minxiong', '2026-12-02T00:00:00.000Z'));
    expect(read(doc)[0]?.description).toBe('新說明');
    expect(lastChangeOf(doc, center.id)).toEqual(stamp('minxiong', '2026-12-02T00:00:00.000Z'));

    const versions = recordHistory(doc, center.id);
    expect(versions.map((v) => [v.org, v.fields?.description])).toEqual([
      ['county', center.description],
      ['minxiong', '新說明'],
    ]);
    restoreVersion(doc, versions[0] as (typeof versions)[0], stamp('county', '2026-12-03T00:00:00.000Z'));
    expect(read(doc)).toEqual([center]);
    expect(recordHistory(doc, center.id)).toHaveLength(3);
  });

  it('a deleted record leaves its history, and restoring brings it back', () => {
    const doc = new Y.Doc();
    writeRecord(doc, center, stamp('county'));
    deleteRecord(doc, center.id, stamp('county', '2026-12-07T00:00:00.000Z'));
    expect(read(doc)).toEqual([]);
    const [written, deleted] = recordHistory(doc, center.id);
    expect(deleted?.fields).toBeNull();
    restoreVersion(doc, written as NonNullable<typeof written>, stamp('county'));
    expect(read(doc)).toEqual([center]);
  });

  it('removing an optional field deletes its key', () => {
    const doc = new Y.Doc();
    writeRecord(doc, center, stamp('county'));
    const { website: _w, description: _d, ...bare } = center;
    writeRecord(doc, bare, stamp('county'));
    expect(read(doc)[0]?.description).toBeUndefined();
  });
});

describe('two devices offline, then together', () => {
  it('changes to different fields both stay; the same field resolves identically on both; history has both', () => {
    const a = new Y.Doc();
    const b = new Y.Doc();
    writeRecord(a, center, stamp('county'));
    sync(a, b);
    writeRecord(a, { ...center, description: 'A 的說明', address: 'A 的地址' }, stamp('a'));
    writeRecord(b, { ...center, description: 'B 的說明', phones: ['05-2222222'] }, stamp('b'));
    sync(a, b);
    expect(read(a)).toEqual(read(b));
    const merged = read(a)[0];
    expect(['A 的說明', 'B 的說明']).toContain(merged?.description);
    expect(merged?.address).toBe('A 的地址');
    expect(merged?.phones).toEqual(['05-2222222']);
    const orgs = recordHistory(a, center.id).map((v) => v.org);
    expect(orgs.sort()).toEqual(['a', 'b', 'county']);
    expect(recordHistory(b, center.id)).toEqual(recordHistory(a, center.id));
  });
});
