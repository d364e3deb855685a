import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Resource } from '../../../src/domain/model/resource.ts';
import { addProposal, decideProposal } from '../../../src/domain/shared-map/proposals.ts';
import { writeRecord } from '../../../src/domain/shared-map/record-history.ts';
import { parseDocName, type SharedDocKind } from '../../../src/domain/shared-map/schema.ts';
import { checkUpdate, type WriteScope } from '../../../src/domain/shared-map/update-check.ts';
import { repoFile } from '../fixture-paths.ts';
import { loadPath } from '../load-context.ts';
import { rawRecord, stamp } from './shared-helpers.ts';

const [center] = loadPath(repoFile('data', 'chiayi-welfare-centers.csv'), { file: 'c.csv' }).resources as [
  Resource,
];

/** The update a peer would send for `change`, checked against the server's copy `server`. */
function check(
  server: Y.Doc,
  change: (peer: Y.Doc) => void,
  kind: SharedDocKind = 'org',
  scope?: WriteScope,
) {
  const peer = new Y.Doc();
  Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
  const before = Y.encodeStateVector(peer);
  change(peer);
  return checkUpdate(server, kind, Y.encodeStateAsUpdate(peer, before), scope)?.code ?? 'ok';
}

describe('checkUpdate: what the server refuses before applying', () => {
  const seeded = () => {
    const doc = new Y.Doc();
    writeRecord(doc, center, stamp('county'));
    return doc;
  };
  it.each([
    { case: 'a valid new record', change: (d: Y.Doc) => writeRecord(d, center, stamp('a')), want: 'ok' },
    {
      case: 'a valid edit of an existing field (item placed by its neighbour)',
      change: (d: Y.Doc) => writeRecord(d, { ...center, description: '新' }, stamp('a')),
      want: 'ok',
    },
    {
      case: 'a javascript: website in a new record',
      change: (d: Y.Doc) => rawRecord(d, 'evil', { name: 'x', website: 'javascript:alert(1)' }),
      want: 'invalid-value',
    },
    {
      case: 'a javascript: website over an existing one',
      change: (d: Y.Doc) =>
        (d.getMap('records').get(center.id) as Y.Map<string>).set('website', 'javascript:x'),
      want: 'invalid-value',
    },
    {
      case: 'a javascript: website in a history entry',
      change: (d: Y.Doc) => d.getArray('history').push([{ id: 'x', fields: { website: 'javascript:x' } }]),
      want: 'invalid-value',
    },
    {
      case: 'a root the schema lacks',
      change: (d: Y.Doc) => d.getMap('evil').set('a', 1),
      want: 'unknown-root',
    },
    {
      case: 'an unknown field',
      change: (d: Y.Doc) => rawRecord(d, 'r', { name: 'x', onclick: 'alert(1)' }),
      want: 'unknown-field',
    },
    {
      case: 'a field that is not text',
      change: (d: Y.Doc) => rawRecord(d, 'r', { name: { nested: true } }),
      want: 'invalid-value',
    },
    {
      case: 'an oversized field',
      change: (d: Y.Doc) => rawRecord(d, 'r', { name: 'x'.repeat(9000) }),
      want: 'invalid-value',
    },
    {
      case: 'rich text',
      change: (d: Y.Doc) => d.getMap('records').set('t', new Y.Text('x')),
      want: 'invalid-value',
    },
  ])('$case → $want', ({ change, want }) => {
    expect(check(seeded(), change)).toBe(want);
  });

  it('an update that refers to state the server lacks is unplaced (the server decides)', () => {
    const peer = new Y.Doc();
    writeRecord(peer, center, stamp('a'));
    const before = Y.encodeStateVector(peer);
    writeRecord(peer, { ...center, description: '後來的' }, stamp('a'));
    expect(checkUpdate(new Y.Doc(), 'org', Y.encodeStateAsUpdate(peer, before))?.code).toBe('unplaced');
  });

  it('an offline edit of a record deleted meanwhile is not taken for missing state', () => {
    const server = new Y.Doc();
    writeRecord(server, center, stamp('county'));
    const peer = new Y.Doc();
    Y.applyUpdate(peer, Y.encodeStateAsUpdate(server));
    server.getMap('records').delete(center.id);
    const before = Y.encodeStateVector(peer);
    const record = peer.getMap('records').get(center.id) as Y.Map<string>;
    record.set('description', '離線時改的說明'); // over an existing value: its neighbour was collected
    record.set('village', '東榮村'); // a new key: its parent is the deleted record
    const update = Y.encodeStateAsUpdate(peer, before);
    expect(checkUpdate(server, 'org', update)).toBeNull();
    Y.applyUpdate(server, update);
    expect(server.getMap('records').has(center.id)).toBe(false);
  });

  // Each history entry of a transaction is placed by the one before it: a run of 500 once ran past a depth limit.
  it.each([40, 500])('%i records in one transaction are placed (a long run of neighbours)', (count) => {
    const many = (d: Y.Doc) =>
      d.transact(() => {
        for (let i = 0; i < count; i++) writeRecord(d, { ...center, id: `r${i}` }, stamp('a'));
      });
    expect(check(seeded(), many)).toBe('ok');
    const thenEvil = (d: Y.Doc) =>
      d.transact(() => {
        many(d);
        d.getArray('history').push([{ id: 'x', fields: { website: 'javascript:x' } }]);
      });
    expect(check(seeded(), thenEvil)).toBe('invalid-value');
  });

  it('refuses bytes that are no update', () => {
    expect(checkUpdate(new Y.Doc(), 'org', new Uint8Array([255, 255, 255, 1, 2]))?.code).toBe(
      'malformed-update',
    );
  });

  it('a workshop participant may add proposals, nothing else', () => {
    const workshop = new Y.Doc();
    addProposal(workshop, 'p0', center, '第一桌', '2026-12-06T10:00:00Z');
    const asParticipant = (change: (d: Y.Doc) => void) =>
      check(workshop, change, 'workshop', 'proposals-only');
    expect(asParticipant((d) => addProposal(d, 'p1', center, '第二桌', '2026-12-06T10:00:01Z'))).toBe('ok');
    expect(asParticipant((d) => writeRecord(d, center, stamp('x')))).toBe('not-allowed');
    expect(asParticipant((d) => decideProposal(d, 'p0', 'approved'))).toBe('not-allowed');
    expect(asParticipant((d) => d.getMap('proposals').delete('p0'))).toBe('ok');
    expect(check(workshop, (d) => decideProposal(d, 'p0', 'approved'), 'workshop')).toBe('ok');
  });
});

describe('parseDocName', () => {
  it.each([
    ['county/chiayi', { kind: 'county', id: 'chiayi' }],
    ['org/minxiong-assoc', { kind: 'org', id: 'minxiong-assoc' }],
    ['workshop/w1', { kind: 'workshop', id: 'w1' }],
    ['index/chiayi', { kind: 'index', id: 'chiayi' }],
    ['org/../etc', null],
    ['other/x', null],
    ['org/', null],
    ['org/UPPER', null],
    [`org/${'a'.repeat(80)}`, null],
  ])('%s', (name, want) => {
    expect(parseDocName(name)).toEqual(want);
  });
});
