import { describe, expect, it } from 'vitest';
import { findDuplicates, mergeDuplicate } from '../../src/domain/loading/duplicates.ts';
import { assignUniqueIds } from '../../src/domain/loading/import-ids.ts';
import { toLatLng } from '../../src/domain/model/coordinates.ts';
import type { Resource } from '../../src/domain/model/resource.ts';

const base: Resource = {
  id: 'a',
  name: '臺南市東區關懷據點',
  category: 'care-point',
  services: ['meals'],
  address: '臺南市東區大學路1號',
  county: '臺南市',
  town: '東區',
  position: toLatLng(22.9967, 120.2169),
  precision: 'exact',
  phones: ['06-2001234'],
  source: '臺南市政府',
  visibility: 'public',
  extra: { 聯絡人: '王' },
};

describe('duplicate detection', () => {
  it('same normalised name and address (台/臺, spaces, full width), wherever they are', () => {
    const copy = {
      ...base,
      id: 'b',
      name: '台南市 東區 關懷據點',
      address: '台南市東區大學路１號',
      position: null,
    };
    expect(findDuplicates([base], [copy])).toEqual([
      // The names as each record has them: what the report shows for the pair.
      {
        keepId: 'a',
        duplicateId: 'b',
        reason: 'same-name-address',
        keepName: base.name,
        duplicateName: '台南市 東區 關懷據點',
      },
    ]);
  });

  it('same name within 30 m, even with a different address', () => {
    const near = { ...base, id: 'c', address: '大學路一號', position: toLatLng(22.99675, 120.21695) };
    const far = { ...base, id: 'd', address: '別處', position: toLatLng(23.1, 120.3) };
    const pairs = findDuplicates([base], [near, far]);
    expect(pairs).toHaveLength(1);
    expect(pairs[0]).toMatchObject({ duplicateId: 'c', reason: 'same-name-nearby' });
    expect(pairs[0]?.distance).toBeLessThanOrEqual(30);
  });

  it('never by distance for records sitting on the same township centroid', () => {
    const a = { ...base, address: '', precision: 'approximate-town' as const };
    const b = { ...a, id: 'b' };
    expect(findDuplicates([a], [b])).toEqual([]);
  });

  it('finds repeats within the imported file itself', () => {
    expect(findDuplicates([], [base, { ...base, id: 'b' }])).toHaveLength(1);
  });

  it('merges by filling gaps and combining lists, keeping the first record’s id and position', () => {
    const other: Resource = {
      ...base,
      id: 'b',
      phones: ['06-2001234', '0912-345678'],
      services: ['home-visits'],
      website: 'https://example.org/',
      position: toLatLng(23, 120.2),
      extra: { 聯絡人: '李', 備註: '週三休' },
    };
    const merged = mergeDuplicate(base, other);
    expect(merged).toMatchObject({
      id: 'a',
      position: base.position,
      phones: ['06-2001234', '0912-345678'],
      services: ['meals', 'home-visits'],
      website: 'https://example.org/',
      extra: { 聯絡人: '王', 備註: '週三休' },
    });
  });
});

describe('unique ids for an import', () => {
  it('renames ids already on the map or repeated in the file, and says so in the row report', () => {
    const rows = [
      { row: 2, outcome: 'imported' as const, name: 'x', resourceId: 'a', issues: [] },
      { row: 3, outcome: 'rejected' as const, name: '', issues: [] },
      { row: 4, outcome: 'imported' as const, name: 'y', resourceId: 'b', issues: [] },
      { row: 5, outcome: 'approximate' as const, name: 'z', resourceId: 'b', issues: [] },
    ];
    const resources = [base, { ...base, id: 'b' }, { ...base, id: 'b' }];
    const result = assignUniqueIds(resources, rows, new Set(['a']), 'f.csv');
    expect(result.resources.map((r) => r.id)).toEqual(['a-2', 'b', 'b-2']);
    expect(result.rows.map((r) => r.resourceId)).toEqual(['a-2', undefined, 'b', 'b-2']);
    expect(result.rows.map((r) => r.outcome)).toEqual(['fixed', 'rejected', 'imported', 'approximate']);
    expect(result.issues.map((i) => i.row)).toEqual([2, 5]);
  });
});
