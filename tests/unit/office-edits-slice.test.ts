import { describe, expect, it } from 'vitest';
import type { Resource } from '../../src/domain/model/resource.ts';
import { createAppStore } from '../../src/store/app-store.ts';
import type { OfficeEdits } from '../../src/store/import/import-slice.ts';
import { minxiongRecord } from '../minxiong-record.ts';

const a: Resource = minxiongRecord('a', '甲協會');
const b: Resource = minxiongRecord('b', '乙協會');
const steps = { undo: 0, redo: 0 };

describe('showOfficeEdits: the records on show change only when the corrections do', () => {
  it.each<{ case: string; before: OfficeEdits; after: () => OfficeEdits }>([
    { case: 'the stored document opened empty', before: {}, after: () => ({}) },
    { case: 'read again, the very same corrections', before: { a }, after: () => ({ a }) },
  ])('$case: the store keeps its objects', ({ before, after }) => {
    const store = createAppStore();
    store.getState().showOfficeEdits({ edits: before, issues: [] }, steps);
    const { officeEdits, edits } = store.getState();
    store.getState().showOfficeEdits({ edits: after(), issues: [] }, steps);
    expect(store.getState().officeEdits).toBe(officeEdits);
    expect(store.getState().edits).toBe(edits);
  });

  it.each<{ case: string; before: OfficeEdits; after: OfficeEdits; shown: string[] }>([
    { case: 'a correction added', before: { a }, after: { a, b }, shown: ['a', 'b'] },
    { case: 'a correction taken back', before: { a, b }, after: { a }, shown: ['a'] },
    { case: 'a correction changed', before: { a }, after: { a: { ...a, name: '改' } }, shown: ['a'] },
  ])('$case: shown', ({ before, after, shown }) => {
    const store = createAppStore();
    store.getState().showOfficeEdits({ edits: before, issues: [] }, steps);
    store.getState().showOfficeEdits({ edits: after, issues: [] }, { undo: 1, redo: 0 });
    expect(Object.keys(store.getState().edits).sort()).toEqual(shown);
    expect(store.getState().officeEdits).toBe(after);
    expect(store.getState().correctionSteps).toEqual({ undo: 1, redo: 0 });
  });

  it('says which corrections could not be read, and forgets them once read', () => {
    const store = createAppStore();
    store.getState().showOfficeEdits({ edits: {}, issues: ['x'] }, steps);
    expect(store.getState().correctionIssues).toEqual(['x']);
    store.getState().showOfficeEdits({ edits: {}, issues: [] }, steps);
    expect(store.getState().correctionIssues).toEqual([]);
  });
});
