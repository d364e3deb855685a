import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type FetchedFile, loadDataset } from '../../../src/domain/loading/load-dataset.ts';
import { parseManifest } from '../../../src/domain/model/manifest.ts';
import { composeAiPack, publicRecordsCsv } from '../../../src/domain/publish/ai-context-pack.ts';
import { repoFile } from '../fixture-paths.ts';

// The public build's confidential fixture, loaded whole as the office's own browser (dev, imports) holds it.
const folder = repoFile('tests', 'fixtures', 'confidential-data');
const manifest = parseManifest(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')));
const files: FetchedFile[] = manifest.files.map((f) => ({
  path: f.path,
  bytes: new Uint8Array(readFileSync(join(folder, f.path))),
}));
const { resources } = loadDataset(manifest, readFileSync(join(folder, manifest.gazetteer), 'utf8'), files);
const all = resources.map((_, i) => i);

describe('the AI context pack leaves out what the public build leaves out', () => {
  const pack = publicRecordsCsv(resources, all, manifest, 'zh-TW');

  it('the fixture does hold confidential records and columns', () => {
    expect(resources.some((r) => r.visibility === 'internal')).toBe(true);
    expect(JSON.stringify(resources)).toContain('SECRET');
  });

  it('keeps public records, drops internal records, internal categories and internal columns', () => {
    expect(pack.csv).toContain('民雄公開中心');
    expect(pack.csv).toContain('太保公開中心');
    expect(pack.csv).not.toContain('SECRET');
    expect(pack.droppedColumns).toEqual(['聯絡人姓名']);
    expect(pack.recordCount + pack.droppedRecords).toBe(resources.length);
    expect(pack.csv.split('\r\n')[0]).not.toContain('聯絡人姓名');
    // Every row is public: the 公開 column says nothing and is left out.
    expect(pack.csv.split('\r\n')[0]?.split(',')).not.toContain('"公開"');
  });

  it('writes one Markdown file: prompt, column notes, briefing, then the records', () => {
    const text = composeAiPack({
      title: 'AI 分析資料包',
      prompt: '以下是資源清單。',
      columnNotes: ['名稱：資源名稱'],
      briefingHeading: '鄉鎮資源簡報',
      briefing: '民雄鄉有 1 處社會福利服務中心。',
      recordsHeading: '資源清單（CSV）',
      records: pack,
    });
    expect(text.startsWith('# AI 分析資料包\n')).toBe(true);
    expect(text).toContain('- 名稱：資源名稱');
    expect(text.indexOf('## 鄉鎮資源簡報')).toBeLessThan(text.indexOf('```csv'));
    expect(text).not.toContain('SECRET');
    expect(text.trimEnd().endsWith('```')).toBe(true);
  });
});
