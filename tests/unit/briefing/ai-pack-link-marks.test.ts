import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExportLanguage } from '../../../src/domain/files/export-columns.ts';
import { tallyLinkRecords } from '../../../src/domain/link/link-records.ts';
import { type FetchedFile, loadDataset } from '../../../src/domain/loading/load-dataset.ts';
import { parseManifest } from '../../../src/domain/model/manifest.ts';
import type { Resource } from '../../../src/domain/model/resource.ts';
import {
  composeAiPack,
  type PublicRecordsCsv,
  publicRecordsCsv,
} from '../../../src/domain/publish/ai-context-pack.ts';
import { repoFile } from '../fixture-paths.ts';

// The public build's confidential fixture: public centres, an internal file, an internal category.
const folder = repoFile('tests', 'fixtures', 'confidential-data');
const manifest = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
const files: FetchedFile[] = manifest.files.map((f) => ({
  path: f.path,
  bytes: new Uint8Array(readFileSync(join(folder, f.path))),
}));
const { resources } = loadDataset(manifest, readFileSync(join(folder, manifest.gazetteer), 'utf8'), files);
const all = resources.map((_, i) => i);
const byName = (name: string): Resource => {
  const found = resources.find((r) => r.name === name);
  if (!found) throw new Error(`No record named ${name} in the fixture`);
  return found;
};
const HOST = 'evil.example';
const minxiong = byName('民雄公開中心');
const taibao = byName('太保公開中心');
const secret = byName('SECRET-FILE-婦女庇護所');

const packOf = (language: ExportLanguage, hosts?: ReadonlyMap<string, string>) =>
  hosts === undefined
    ? publicRecordsCsv(resources, all, manifest, language)
    : publicRecordsCsv(resources, all, manifest, language, hosts);

describe('an AI pack without records from a link is as before', () => {
  const cases: { name: string; hosts: ReadonlyMap<string, string> }[] = [
    { name: 'no link data at all', hosts: new Map() },
    // A link's record that the pack leaves out (an internal file's record) leaves no mark either.
    { name: 'a link record the pack leaves out', hosts: new Map([[secret.id, HOST]]) },
    { name: 'a link record not on show', hosts: new Map([['not-a-record', HOST]]) },
  ];
  for (const language of ['zh-TW', 'en'] as const) {
    const before = packOf(language);
    for (const { name, hosts } of cases) {
      it(`${language}, ${name}: the same CSV, columns and counts`, () => {
        const pack = packOf(language, hosts);
        expect(pack).toEqual(before);
        expect(pack.linkRecords).toEqual({ count: 0, hosts: [] });
        expect(pack.csv.split('\r\n')[0]).not.toMatch(/非官方|unofficial/);
      });
    }
  }
});

describe('an AI pack with records from a link marks each of them', () => {
  const cases: {
    language: ExportLanguage;
    hosts: ReadonlyMap<string, string>;
    header: string;
    marks: Record<string, string>;
    tally: { count: number; hosts: string[] };
  }[] = [
    {
      language: 'zh-TW',
      hosts: new Map([[minxiong.id, HOST]]),
      header: '非官方來源',
      marks: { 民雄公開中心: `非官方連結：${HOST}`, 太保公開中心: '' },
      tally: { count: 1, hosts: [HOST] },
    },
    {
      language: 'en',
      hosts: new Map([
        [minxiong.id, HOST],
        [taibao.id, 'other.example'],
        [secret.id, 'third.example'],
      ]),
      header: 'unofficial_source',
      marks: { 民雄公開中心: `unofficial link: ${HOST}`, 太保公開中心: 'unofficial link: other.example' },
      tally: { count: 2, hosts: [HOST, 'other.example'] },
    },
  ];
  for (const { language, hosts, header, marks, tally } of cases) {
    it(`${language}: leads with ${header}, marks the link's rows with their host, and counts them`, () => {
      const before = packOf(language);
      const pack = packOf(language, hosts);
      const [head = '', ...rows] = pack.csv.split('\r\n').filter((l) => l !== '');
      expect(head.split(',')[0]).toBe(header);
      expect(pack.columns[0]).toBe('linkOrigin');
      expect(pack.columns.slice(1)).toEqual(before.columns);
      expect(rows).toHaveLength(pack.recordCount);
      for (const [name, mark] of Object.entries(marks)) {
        const row = rows.find((r) => r.split(',').includes(name));
        expect(row?.startsWith(`${mark},`), `${name}: ${row}`).toBe(true);
      }
      expect(pack.linkRecords).toEqual(tally);
      // Nothing else changes: the same records, the same internal records and columns left out.
      expect(pack.recordCount).toBe(before.recordCount);
      expect(pack.droppedRecords).toBe(before.droppedRecords);
      expect(pack.csv).not.toContain('SECRET');
    });
  }
});

describe('the pack’s note on unofficial data', () => {
  const records: PublicRecordsCsv = packOf('zh-TW', new Map([[minxiong.id, HOST]]));
  const parts = {
    title: 'AI 分析資料包',
    prompt: '以下是資源清單。',
    columnNotes: ['名稱：資源名稱'],
    briefingHeading: '鄉鎮資源簡報',
    briefing: '民雄鄉有 1 處社會福利服務中心。',
    recordsHeading: '資源清單（CSV）',
    records,
  };
  const cases: { name: string; note: readonly string[] | undefined; expected: string | null }[] = [
    { name: 'absent', note: undefined, expected: null },
    { name: 'empty', note: [], expected: null },
    {
      name: 'one line',
      note: ['注意：含非官方資料。'],
      expected: '# AI 分析資料包\n\n> **注意：含非官方資料。**\n\n以下是資源清單。',
    },
    {
      name: 'two lines',
      note: ['注意：含非官方資料。', '簡報也算入了。'],
      expected: '# AI 分析資料包\n\n> **注意：含非官方資料。**\n>\n> **簡報也算入了。**\n\n以下是資源清單。',
    },
  ];
  const plain = composeAiPack(parts);
  for (const { name, note, expected } of cases) {
    it(`${name}: ${expected === null ? 'the pack as before' : 'a quote under the title, before the prompt'}`, () => {
      const text = composeAiPack(note === undefined ? parts : { ...parts, unofficialNote: note });
      if (expected === null) expect(text).toBe(plain);
      else {
        expect(text.startsWith(expected)).toBe(true);
        expect(text.slice(expected.length)).toBe(plain.slice('# AI 分析資料包\n\n以下是資源清單。'.length));
      }
    });
  }
});

describe('tallying a list’s link records', () => {
  const cases: {
    list: readonly Resource[];
    hosts: ReadonlyMap<string, string>;
    expected: { count: number; hosts: string[] };
  }[] = [
    { list: resources, hosts: new Map(), expected: { count: 0, hosts: [] } },
    { list: [], hosts: new Map([[minxiong.id, HOST]]), expected: { count: 0, hosts: [] } },
    { list: resources, hosts: new Map([[minxiong.id, HOST]]), expected: { count: 1, hosts: [HOST] } },
    {
      list: resources,
      hosts: new Map([
        [taibao.id, HOST],
        [minxiong.id, HOST],
        [secret.id, 'b.example'],
      ]),
      expected: { count: 3, hosts: [HOST, 'b.example'] },
    },
  ];
  cases.forEach(({ list, hosts, expected }, i) => {
    it(`case ${i + 1}: ${expected.count} record(s) from ${expected.hosts.join(', ') || 'no host'}`, () => {
      expect(tallyLinkRecords(list, hosts)).toEqual(expected);
    });
  });
});
