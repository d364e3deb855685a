import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { Resource } from '../../../src/domain/model/resource.ts';
import {
  addPublishedVersion,
  initCountyIndex,
  nextVersion,
  putMember,
  readCountyIndex,
  syncMembers,
} from '../../../src/domain/shared-map/county-index.ts';
import {
  addProposal,
  decideProposal,
  proposalCountByTable,
  readProposals,
  tableMarks,
} from '../../../src/domain/shared-map/proposals.ts';
import { repoFile } from '../fixture-paths.ts';
import { loadPath, manifest } from '../load-context.ts';
import { sharedCtx } from './shared-helpers.ts';

const shops = loadPath(repoFile('data', 'sample-community-resources.csv'), { file: 's.csv' }).resources;

describe('workshop proposals', () => {
  it('lists proposals by time with their table, counts per table, and keeps decisions', () => {
    const doc = new Y.Doc();
    addProposal(doc, 'p2', shops[1] as Resource, ' 第二桌 ', '2026-12-06T10:00:02Z');
    addProposal(doc, 'p1', shops[0] as Resource, '第一桌', '2026-12-06T10:00:01Z');
    addProposal(doc, 'p3', shops[2] as Resource, '第一桌', '2026-12-06T10:00:03Z');
    decideProposal(doc, 'p1', 'approved');
    const proposals = readProposals(doc, sharedCtx);
    expect(proposals.map((p) => [p.id, p.table, p.status])).toEqual([
      ['p1', '第一桌', 'approved'],
      ['p2', '第二桌', 'pending'],
      ['p3', '第一桌', 'pending'],
    ]);
    expect(proposals[0]?.resource).toEqual(shops[0]);
    expect([...proposalCountByTable(proposals)]).toEqual([
      ['第一桌', 2],
      ['第二桌', 1],
    ]);
  });

  it('gives each table a letter and colour slot in the order tables first proposed, with its count', () => {
    const doc = new Y.Doc();
    const tables = Array.from({ length: 28 }, (_, i) => `第${i + 1}桌`);
    // Made in reverse order of time: the slots follow time, not the order the map holds them in.
    [...tables].reverse().forEach((table, i) => {
      const second = String(28 - i).padStart(2, '0');
      addProposal(doc, `p${i}`, shops[0] as Resource, table, `2026-12-06T10:00:${second}Z`);
    });
    addProposal(doc, 'again', shops[1] as Resource, '第2桌', '2026-12-06T10:01:00Z');
    const marks = tableMarks(readProposals(doc, sharedCtx));
    expect(marks.slice(0, 3)).toEqual([
      { table: '第1桌', letter: 'A', slot: 0, count: 1 },
      { table: '第2桌', letter: 'B', slot: 1, count: 2 },
      { table: '第3桌', letter: 'C', slot: 2, count: 1 },
    ]);
    expect(marks.slice(25).map((m) => m.letter)).toEqual(['Z', 'AA', 'AB']);
    expect(new Set(marks.map((m) => m.letter)).size).toBe(28);
  });

  it('a proposal without a name is listed with no record, and a forged status reads as pending', () => {
    const doc = new Y.Doc();
    const forged = new Y.Map<unknown>();
    doc.getMap('proposals').set('x', forged);
    forged.set('table', '<b>桌</b>');
    forged.set('status', 'published!');
    expect(readProposals(doc, sharedCtx)).toEqual([
      { id: 'x', table: '<b>桌</b>', status: 'pending', proposedAt: '', resource: null },
    ]);
  });
});

describe('county index', () => {
  it('holds members, configuration and published versions', () => {
    const doc = new Y.Doc();
    initCountyIndex(doc, manifest.categories, manifest.serviceTags);
    putMember(doc, { id: 'minxiong', name: '民雄鄉公所', kind: 'township-office', document: 'org/minxiong' });
    doc.getMap('members').set('broken', 'not a member');
    expect(nextVersion(doc)).toBe(1);
    addPublishedVersion(doc, { version: 1, at: '2026-12-06T10:00:00Z', by: 'county', recordCount: 111 });
    const index = readCountyIndex(doc);
    expect(index.members).toEqual([
      { id: 'minxiong', name: '民雄鄉公所', kind: 'township-office', document: 'org/minxiong' },
    ]);
    expect(index.categories).toEqual(manifest.categories);
    expect(index.serviceTags).toEqual(manifest.serviceTags);
    expect(nextVersion(doc)).toBe(2);
  });

  it('syncMembers adds what the register has and the index lacks, and nothing twice', () => {
    const doc = new Y.Doc();
    const a = { id: 'a', name: '甲', kind: 'association', document: 'org/a' } as const;
    const b = { id: 'b', name: '乙公所', kind: 'township-office', document: 'org/b' } as const;
    expect(syncMembers(doc, [a])).toBe(1);
    expect(syncMembers(doc, [a, b])).toBe(1);
    expect(syncMembers(doc, [a, b])).toBe(0);
    expect(syncMembers(doc, [{ ...a, name: '甲協會' }])).toBe(1);
    expect(readCountyIndex(doc).members.map((m) => m.name)).toEqual(['甲協會', '乙公所']);
  });
});
