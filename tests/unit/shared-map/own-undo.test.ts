import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { createOwnUndo, undoOwnChange } from '../../../src/domain/shared-map/own-undo.ts';
import { recordHistory, writeRecord } from '../../../src/domain/shared-map/record-history.ts';
import { minxiongRecord } from '../../minxiong-record.ts';
import { stamp, sync } from './shared-helpers.ts';

/** Two devices of one document; `mine` writes with its own origin, as the browser's client does. */
function twoDevices() {
  const mine = new Y.Doc();
  const peer = new Y.Doc();
  const origin = { device: 'mine' };
  const undo = createOwnUndo(mine, 'org', origin);
  const write = (doc: Y.Doc, name: string, more = {}, by = 'a') =>
    doc.transact(
      () => writeRecord(doc, minxiongRecord('r1', name, more), stamp(by)),
      doc === mine ? origin : null,
    );
  const field = (doc: Y.Doc, key: string) =>
    (doc.getMap('records').get('r1') as Y.Map<string> | undefined)?.get(key);
  return { mine, peer, undo, write, field };
}

describe('undo takes back only this device’s own changes', () => {
  it('a peer’s change is never on the undo stack', () => {
    const { mine, peer, undo, write } = twoDevices();
    write(peer, '乙寫的', {}, 'b');
    sync(peer, mine);
    expect(undo.undoStack.length).toBe(0);
    write(mine, '甲改的');
    expect(undo.undoStack.length).toBe(1);
  });

  it('undo and redo after a peer changed another field keep the peer’s change', () => {
    const { mine, peer, undo, write, field } = twoDevices();
    write(mine, '原名');
    sync(mine, peer);
    write(mine, '甲改的名字');
    sync(mine, peer);
    write(peer, '甲改的名字', { description: '乙加的說明' }, 'b');
    sync(peer, mine);
    undoOwnChange(mine, undo, 'undo', stamp('a'));
    expect(field(mine, 'name')).toBe('原名');
    expect(field(mine, 'description')).toBe('乙加的說明');
    sync(mine, peer);
    expect(field(peer, 'name')).toBe('原名');
    expect(field(peer, 'description')).toBe('乙加的說明');
    undoOwnChange(mine, undo, 'redo', stamp('a'));
    expect(field(mine, 'name')).toBe('甲改的名字');
    expect(field(mine, 'description')).toBe('乙加的說明');
  });

  it('undo after a peer changed the same field keeps the peer’s value', () => {
    const { mine, peer, undo, write, field } = twoDevices();
    write(peer, '乙建的', {}, 'b');
    sync(peer, mine);
    write(mine, '甲寫的');
    sync(mine, peer);
    write(peer, '乙後來改的', {}, 'b');
    sync(peer, mine);
    undoOwnChange(mine, undo, 'undo', stamp('a'));
    expect(field(mine, 'name')).toBe('乙後來改的');
  });

  it('undoing a new record removes it; each undo is a version in the history, by who undid it', () => {
    const { mine, undo, write } = twoDevices();
    write(mine, '新據點');
    const ids = undoOwnChange(mine, undo, 'undo', stamp('a', '2026-12-06T10:00:00.000Z'));
    expect(ids).toEqual(['r1']);
    expect(mine.getMap('records').has('r1')).toBe(false);
    const versions = recordHistory(mine, 'r1');
    expect(versions.map((v) => [v.fields?.name ?? null, v.at])).toEqual([
      ['新據點', '2026-12-06T09:00:00.000Z'],
      [null, '2026-12-06T10:00:00.000Z'],
    ]);
    undoOwnChange(mine, undo, 'redo', stamp('a'));
    expect(recordHistory(mine, 'r1').at(-1)?.fields?.name).toBe('新據點');
  });

  it('each save is one step; nothing to undo gives no version', () => {
    const { mine, undo, write, field } = twoDevices();
    write(mine, '一');
    write(mine, '二');
    write(mine, '三');
    undoOwnChange(mine, undo, 'undo', stamp('a'));
    expect(field(mine, 'name')).toBe('二');
    undoOwnChange(mine, undo, 'undo', stamp('a'));
    undoOwnChange(mine, undo, 'undo', stamp('a'));
    const before = recordHistory(mine, 'r1').length;
    expect(undoOwnChange(mine, undo, 'undo', stamp('a'))).toEqual([]);
    expect(recordHistory(mine, 'r1').length).toBe(before);
  });
});
