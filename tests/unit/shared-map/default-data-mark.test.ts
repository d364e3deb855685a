import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { markDefaultData, readDefaultDataMark } from '../../../src/domain/shared-map/default-data-mark.ts';
import { checkUpdate } from '../../../src/domain/shared-map/update-check.ts';
import { stamp, sync } from './shared-helpers.ts';

describe('the county document’s note that it holds the default data', () => {
  it('reaches another device and reads back as written', () => {
    const office = new Y.Doc();
    const member = new Y.Doc();
    expect(readDefaultDataMark(member)).toBeNull();
    markDefaultData(office, stamp('嘉義縣政府', '2026-12-06T10:00:00.000Z', '王承辦'), 111);
    sync(office, member);
    expect(readDefaultDataMark(member)).toEqual({
      at: '2026-12-06T10:00:00.000Z',
      by: '嘉義縣政府・王承辦',
      count: 111,
    });
  });

  it('names the organisation once when the person gave no other name', () => {
    const doc = new Y.Doc();
    markDefaultData(doc, stamp('嘉義縣政府', '2026-12-06T10:00:00.000Z', '嘉義縣政府'), 3);
    expect(readDefaultDataMark(doc)?.by).toBe('嘉義縣政府');
  });

  it('is an update the server accepts in a county document', () => {
    const server = new Y.Doc();
    const office = new Y.Doc();
    markDefaultData(office, stamp('嘉義縣政府'), 5);
    expect(checkUpdate(server, 'county', Y.encodeStateAsUpdate(office))).toBeNull();
  });

  it.each([
    ['a text', '2026'],
    ['no count', { at: '2026-12-06', by: '甲' }],
    ['a negative count', { at: '2026-12-06', by: '甲', count: -1 }],
    ['a fractional count', { at: '2026-12-06', by: '甲', count: 1.5 }],
    ['a number for who', { at: '2026-12-06', by: 7, count: 1 }],
    ['null', null],
  ])('is no note when a peer wrote %s', (_what, value) => {
    const doc = new Y.Doc();
    doc.getMap('meta').set('defaultData', value);
    expect(readDefaultDataMark(doc)).toBeNull();
  });
});
