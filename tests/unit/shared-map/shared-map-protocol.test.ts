import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Resource } from '../../../src/domain/model/resource.ts';
import { readRecords } from '../../../src/domain/shared-map/read-records.ts';
import { writeRecord } from '../../../src/domain/shared-map/record-history.ts';
import {
  readSharedMapRequest,
  recordsAllReplies,
  type SharedMapRequest,
} from '../../../src/services/shared-map/shared-map-protocol.ts';
import { minxiongRecord } from '../../minxiong-record.ts';
import { sharedCtx, stamp } from './shared-helpers.ts';

const resource = minxiongRecord('a1', '甲協會據點');
const when = stamp('甲協會');

describe("the shared-map worker's requests", () => {
  it('reads every request the page sends, as it was sent', () => {
    const requests: SharedMapRequest[] = [
      {
        type: 'start',
        wsUrl: 'ws://127.0.0.1:1234',
        token: 't'.repeat(32),
        persist: true,
        context: { categories: [], serviceTags: [], gazetteerUrl: 'http://127.0.0.1/data/g.csv' },
      },
      { type: 'open', document: 'org/a' },
      { type: 'write', document: 'org/a', resource, stamp: when },
      { type: 'upload-default-data', document: 'county/c', resources: [resource, resource], stamp: when },
      { type: 'remove', document: 'org/a', id: 'a1', stamp: when },
      { type: 'history', ask: 3, document: 'org/a', id: 'a1' },
      {
        type: 'restore',
        document: 'org/a',
        version: { id: 'a1', fields: null, org: '甲協會', name: '王', at: when.at },
        stamp: when,
      },
      { type: 'propose', document: 'workshop/w', resource, table: '第一桌' },
      { type: 'decide', document: 'workshop/w', proposalId: 'p-1', status: 'approved' },
      { type: 'undo', stamp: when },
      { type: 'redo', stamp: when },
      { type: 'offline' },
      { type: 'online' },
      { type: 'stop', forget: true },
    ];
    for (const request of requests) expect(readSharedMapRequest(request)).toBe(request);
  });

  it.each([
    [null, 'not a request (no type)'],
    ['open', 'not a request (no type)'],
    [[{ type: 'open' }], 'not a request (no type)'],
    [{ type: 'drop-table' }, "unknown request type 'drop-table'"],
    [{ type: 'toString' }, "unknown request type 'toString'"],
    [{ type: 'open' }, "'open' without a valid document"],
    [{ type: 'open', document: 7 }, "'open' without a valid document"],
    [
      { type: 'write', document: 'org/a', resource: { id: 'a1' }, stamp: when },
      "'write' without a valid resource",
    ],
    [{ type: 'write', document: 'org/a', resource, stamp: { org: '甲' } }, "'write' without a valid stamp"],
    [
      { type: 'upload-default-data', document: 'org/a', resources: [resource, null], stamp: when },
      "'upload-default-data' without a valid resources",
    ],
    [{ type: 'history', ask: 1.5, document: 'org/a', id: 'a1' }, "'history' without a valid ask"],
    [
      { type: 'decide', document: 'workshop/w', proposalId: 'p-1', status: 'maybe' },
      "'decide' without a valid status",
    ],
    [{ type: 'stop' }, "'stop' without a valid forget"],
    [
      { type: 'start', wsUrl: 'ws://x', token: 't', persist: true, context: { categories: [] } },
      "'start' without a valid context",
    ],
  ])('refuses %j, saying why', (message, problem) => {
    expect(readSharedMapRequest(message)).toEqual({ problem });
  });
});

describe("a document's records sent to the page in parts", () => {
  it('arrive whole and unchanged, part by part, with their count last', () => {
    const doc = new Y.Doc();
    for (let i = 0; i < 7; i++) writeRecord(doc, minxiongRecord(`r${i}`, `據點 ${i}`), when);
    const read = readRecords(doc, sharedCtx).resources;
    expect(read).toHaveLength(7);
    const replies = [...recordsAllReplies('org/a', read, 3)];
    expect(replies.map((r) => r.type)).toEqual([
      'records-part',
      'records-part',
      'records-part',
      'records-all',
    ]);
    const arrived: Resource[] = replies.flatMap((r) =>
      r.type === 'records-part' ? (JSON.parse(r.json) as Resource[]) : [],
    );
    expect(arrived).toEqual(read);
    expect(replies.at(-1)).toEqual({ type: 'records-all', document: 'org/a', count: 7 });
  });

  it('an empty document is one message, with no records', () => {
    expect([...recordsAllReplies('org/a', [])]).toEqual([
      { type: 'records-all', document: 'org/a', count: 0 },
    ]);
  });
});
